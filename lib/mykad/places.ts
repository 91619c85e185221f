// JPN place-of-birth codes (DESIGN §6). The state codes 01–16 are also the ISO 3166-2:MY numbers.

export interface MalaysianState {
  code: `MY-${string}`;
  name: string;
  // JPN codes that mean this state (the first is the post-1990 code).
  jpn: readonly string[];
}

export const malaysianStates: readonly MalaysianState[] = [
  { code: 'MY-01', name: 'Johor', jpn: ['01', '21', '22', '23', '24'] },
  { code: 'MY-02', name: 'Kedah', jpn: ['02', '25', '26', '27'] },
  { code: 'MY-03', name: 'Kelantan', jpn: ['03', '28', '29'] },
  { code: 'MY-04', name: 'Melaka', jpn: ['04', '30'] },
  { code: 'MY-05', name: 'Negeri Sembilan', jpn: ['05', '31', '59'] },
  { code: 'MY-06', name: 'Pahang', jpn: ['06', '32', '33'] },
  { code: 'MY-07', name: 'Pulau Pinang', jpn: ['07', '34', '35'] },
  { code: 'MY-08', name: 'Perak', jpn: ['08', '36', '37', '38', '39'] },
  { code: 'MY-09', name: 'Perlis', jpn: ['09', '40'] },
  { code: 'MY-10', name: 'Selangor', jpn: ['10', '41', '42', '43', '44'] },
  { code: 'MY-11', name: 'Terengganu', jpn: ['11', '45', '46'] },
  { code: 'MY-12', name: 'Sabah', jpn: ['12', '47', '48', '49'] },
  { code: 'MY-13', name: 'Sarawak', jpn: ['13', '50', '51', '52', '53'] },
  { code: 'MY-14', name: 'WP Kuala Lumpur', jpn: ['14', '54', '55', '56', '57'] },
  { code: 'MY-15', name: 'WP Labuan', jpn: ['15', '58'] },
  { code: 'MY-16', name: 'WP Putrajaya', jpn: ['16'] },
];

export const foreignBirthPlaces: Readonly<Record<string, string>> = {
  '60': 'Brunei',
  '61': 'Indonesia',
  '62': 'Cambodia',
  '63': 'Laos',
  '64': 'Myanmar',
  '65': 'Philippines',
  '66': 'Singapore',
  '67': 'Thailand',
  '68': 'Vietnam',
  '71': 'Foreign country (before 2001)',
  '72': 'Foreign country (before 2001)',
  '74': 'China',
  '75': 'India',
  '76': 'Pakistan',
  '77': 'Saudi Arabia',
  '78': 'Sri Lanka',
  '79': 'Bangladesh',
  '83': 'Asia-Pacific',
  '84': 'South America',
  '85': 'Africa',
  '86': 'Europe',
  '87': 'Britain/Ireland',
  '88': 'Middle East',
  '89': 'Far East',
  '90': 'Caribbean/Central America',
  '91': 'North America',
  '92': 'Former USSR/Eastern Europe',
  '93': 'Other countries',
  '98': 'Stateless',
  '99': 'Other/unspecified',
};

// Malaysian-born, state not recorded.
export const UNKNOWN_STATE_CODE = '82';

export type BirthPlace =
  | { kind: 'state'; state: MalaysianState }
  | { kind: 'unknown_state' }
  | { kind: 'foreign'; country: string }
  | { kind: 'never_issued' };

const stateByJpn = new Map(malaysianStates.flatMap((s) => s.jpn.map((code) => [code, s] as const)));

export function birthPlace(code: string): BirthPlace {
  const state = stateByJpn.get(code);
  if (state) return { kind: 'state', state };
  if (code === UNKNOWN_STATE_CODE) return { kind: 'unknown_state' };
  const country = foreignBirthPlaces[code];
  if (country) return { kind: 'foreign', country };
  return { kind: 'never_issued' };
}

export function stateName(isoCode: string | null): string | null {
  return malaysianStates.find((s) => s.code === isoCode)?.name ?? null;
}
