import { sql } from 'drizzle-orm';
import type { Database } from '@/db';

// Many customers in one set-based INSERT … SELECT generate_series, shaped like a Malaysian
// customer base: Malay, Chinese, Indian and WhatsApp-profile names, +6011 numbers, states by
// population, ages 18–75 leaning young, consent mostly granted, MyKad profiles for about 60 %,
// last messages leaning recent and a long tail of message counts, and purchases: about 70 %
// bought something (a long tail of counts, tickets of RM 20–200), tiers from the default
// thresholds (silver 500, gold 2,000, platinum 5,000). `from` numbers the rows, so
// several calls (or tenants) never share a phone number. For benchmarks and large demos.
export async function seedBulkCustomers(db: Database, input: { tenantId: string; count: number; from?: number }): Promise<void> {
  const from = input.from ?? 1;
  const to = from + input.count - 1;
  await db.execute(sql`
    insert into customers (tenant_id, phone, wa_id, name, profile_name, language, ic_masked, date_of_birth, gender,
      marital_status, state, birth_country, consent_status, consent_updated_at, last_interaction_at, inbound_count,
      outbound_count, purchase_count, total_spent, last_purchase_at, tier, created_at, updated_at)
    select ${input.tenantId}::uuid, '+' || msisdn, msisdn, full_name, full_name, language,
      case when profiled then to_char(dob, 'YYMMDD') || '-' || coalesce(substr(state, 4, 2), '66') || '-****' end,
      case when profiled then dob end,
      case when not profiled then null when r_gender < 0.02 then 'NB' when r_gender < 0.51 then 'M' else 'F' end,
      case when not profiled or r_marital > 0.85 then null when r_marital < 0.34 then 'single' when r_marital < 0.77 then 'married'
        when r_marital < 0.82 then 'divorced' else 'widowed' end,
      case when profiled then state end,
      case when profiled and state is null then 'Singapore' end,
      consent, case when consent <> 'unknown' then last_at end,
      last_at, inbound, outbound, bought, spent, case when bought > 0 then last_at end,
      case when spent >= 5000 then 'platinum' when spent >= 2000 then 'gold' when spent >= 500 then 'silver' else 'bronze' end,
      created, now()
    from (
      select r.*,
        case when r_buy < 0.3 then 0 else 1 + floor(power(r_buy, 4) * 60)::int end as bought,
        '6011' || lpad(((g::bigint * 48271) % 99999989)::text, 8, '0') as msisdn,
        case when r_name < 0.5 then (array['Nurul','Siti','Ahmad','Muhammad','Nur','Aisyah','Farah','Hafiz','Amir','Izzat','Syafiq','Aina','Hakim','Zulkifli','Aminah','Rosli','Faridah','Azman','Norazlina','Khairul'])[1 + (g % 20)]
            || ' ' || (array['binti Ahmad','bin Abdullah','binti Ismail','bin Hassan','binti Yusof','bin Ibrahim','binti Osman','bin Razak','binti Salleh','bin Omar'])[1 + (g / 20 % 10)]
          when r_name < 0.75 then (array['Tan','Lim','Lee','Ng','Wong','Chan','Goh','Ong','Teo','Chong','Yap','Low','Koh','Cheah'])[1 + (g % 14)]
            || ' ' || (array['Wei Ming','Mei Ling','Jia Hui','Kok Leong','Siew Lan','Chee Keong','Hui Min','Zi Xuan','Boon Huat','Pei Shan'])[1 + (g / 14 % 10)]
          when r_name < 0.85 then (array['Priya','Kumar','Ravi','Devi','Suresh','Kavitha','Arjun','Lakshmi','Ganesh','Meena'])[1 + (g % 10)]
            || (case when g % 2 = 0 then ' a/p ' else ' a/l ' end) || (array['Raman','Muthu','Subramaniam','Krishnan','Rajan','Pillai'])[1 + (g / 10 % 6)]
          when r_name < 0.9999 then (array['Kak Long','Abang Mat','Mama Ira','Boss','Adik','Uncle Lim','Cik Puan','Mak Cik'])[1 + (g % 8)] || ' ' || (g % 1000)::text
          else 'Qistina Humaira ' || g::text end as full_name,
        (array['ms','ms','ms','ms','ms','ms','en','en','en','zh'])[1 + (g % 10)] as language,
        case when r_consent < 0.60 then 'granted' when r_consent < 0.75 then 'unknown' when r_consent < 0.85 then 'pending' else 'withdrawn' end as consent,
        r_consent < 0.60 and r_profile < 0.95 or r_profile < 0.05 as profiled,
        (current_date - (365.25 * (18 + power(r_age, 1.6) * 57) + r_day * 365)::int) as dob,
        case when r_state < 0.22 then 'MY-10' when r_state < 0.34 then 'MY-01' when r_state < 0.44 then 'MY-12' when r_state < 0.52 then 'MY-08'
          when r_state < 0.60 then 'MY-13' when r_state < 0.66 then 'MY-14' when r_state < 0.72 then 'MY-02' when r_state < 0.77 then 'MY-07'
          when r_state < 0.83 then 'MY-03' when r_state < 0.88 then 'MY-06' when r_state < 0.92 then 'MY-11' when r_state < 0.955 then 'MY-05'
          when r_state < 0.975 then 'MY-04' when r_state < 0.983 then 'MY-09' when r_state < 0.986 then 'MY-15' when r_state < 0.99 then 'MY-16'
          else null end as state,
        case when r_never < 0.03 then null else now() - make_interval(secs => power(r_last, 2) * 730 * 86400) end as last_at,
        floor(power(r_in, 3) * 200)::int as inbound,
        floor(power(r_out, 3) * 150)::int as outbound,
        now() - make_interval(secs => (power(r_last, 2) * 730 + r_day * 365) * 86400) as created
      from (
        select g, random() as r_name, random() as r_consent, random() as r_profile, random() as r_age, random() as r_day,
          random() as r_state, random() as r_gender, random() as r_marital, random() as r_never, random() as r_last,
          random() as r_in, random() as r_out, random() as r_buy, random() as r_ticket
        from generate_series(${from}::int, ${to}::int) as g
      ) r
    ) c
    cross join lateral (select round((c.bought * (20 + c.r_ticket * 180))::numeric, 2) as spent) m
  `);
}
