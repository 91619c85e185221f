// Meta's limits for message templates (WhatsApp Business Management API, template
// components): name ≤ 512 of [a-z0-9_], body ≤ 1,024, text header and footer ≤ 60, quick-reply
// button text ≤ 25. Sembang offers up to three quick replies, the classic template layout.
// Dependency-free, so the settings form can count characters in the browser.
export const TEMPLATE_LIMITS = { name: 512, body: 1024, headerText: 60, footer: 60, buttonText: 25, buttons: 3, example: 200 } as const;
