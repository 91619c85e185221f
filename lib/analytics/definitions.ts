// Each figure's definition, shown beside its chart (and written out in README § Analytics).
export const definitions = {
  messageVolume: 'Messages stored per Malaysian day (Asia/Kuala_Lumpur), by direction: inbound from customers, outbound from the team, automations and campaigns. The channel filter applies.',
  responseRate:
    "Threads answered by the team ÷ threads. A thread is a conversation's first inbound message of a day; it is answered when a team member (not an automation or campaign) replies within 24 hours. Empty on days without threads.",
  firstResponse:
    'Median time from the start of a thread to the first reply by a team member, over threads answered within 24 hours. Kept as a histogram per day, so the median is the upper edge of the bucket holding the middle thread (1-minute steps up to 10 minutes, then 15/20/30/45 min, 1/1.5/2/3/4/6/8/12/18/24 h).',
  consentFunnel:
    "Consent events in the range: notices sent → customers' own answers (a keyword or button while the notice was pending) → answers that granted consent.",
  consentRates:
    'At the end of each day: customers whose consent is granted (consent rate) or withdrawn (opt-out rate) ÷ all customers created by then, replayed from the consent history.',
  engagement:
    'Inbound messages each customer sent in the 30 days before the last snapshot (refreshed hourly). Active: at least one; inactive: none. Anonymised customers are left out.',
  demographics: 'Profiles as they are now (hourly snapshot): age from date of birth, gender, birth state (all 16 states and federal territories), marital status and loyalty tier. Anonymised customers are left out.',
  revenue: 'Recorded purchases (receipts, manual, API, imports) per receipt day: total in MYR and number of purchases. Average spend = revenue ÷ purchases in the range.',
  topMerchants: 'The 10 merchants with the most revenue in the range, as written on receipts (grouped ignoring case).',
  lifetimeValue:
    'Customer lifetime value = the total of all recorded purchases of a customer to date (no forecast). Shown as the average per customer, by current tier and by acquisition month (the Malaysian month the customer was created; last 12 months with customers).',
  campaignFunnels:
    'Per campaign (launched before the range ended and still going at its start): recipients sent → delivered → read (WhatsApp statuses) → clicked (a tracked link) → converted (a purchase within the attribution window). A later stage counts the earlier ones.',
  contestEntries: 'Valid entries per Malaysian day (disqualified entries left out), and per contest over the range.',
} as const;
