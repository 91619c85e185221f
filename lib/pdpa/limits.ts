// Bounds of the PDPA settings, shared by the server's checks and the settings form.

// The consent reminder goes out inside WhatsApp's 24-hour customer-service window, which the
// customer's last message opened; at 24 hours or more it could only be a paid template.
export const REMINDER_HOURS = { min: 1, max: 23, default: 20 } as const;
export const RETENTION_LIMITS = { messageMonths: 120, inactiveYears: 20 } as const;
