// A Malaysian mobile number for a new simulated customer: +6012 and seven random digits.
// Dependency-free, so the simulator page can make one in the browser as well.
export function randomSimulatorPhone(): string {
  return `+6012${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}
