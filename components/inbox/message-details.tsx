import { Contact, MapPin, Megaphone, ShoppingCart } from 'lucide-react';

// Readers for the type-specific `content` the webhook stored (lib/whatsapp/webhook/normalize).
type Json = Record<string, unknown>;

export function part(content: Json, key: string): Json | null {
  const value = content[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];
}

// Money as two decimals (DESIGN §9), whatever Meta sent.
const price = (value: unknown) => (typeof value === 'number' ? value.toFixed(2) : str(value));

export function LocationDetails({ location }: { location: Json }) {
  const lat = str(location.latitude);
  const lng = str(location.longitude);
  const href = str(location.url) ?? (lat && lng ? `https://www.google.com/maps?q=${lat},${lng}` : null);
  return (
    <div className="flex items-start gap-2">
      <MapPin className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden="true" />
      <div className="grid min-w-0">
        <span className="font-medium">{str(location.name) ?? 'Location'}</span>
        {str(location.address) ? <span className="text-muted-foreground">{str(location.address)}</span> : null}
        {href ? (
          <a href={href} target="_blank" rel="noreferrer" className="text-xs underline underline-offset-2">
            Open in maps ({lat}, {lng})
          </a>
        ) : null}
      </div>
    </div>
  );
}

export function ContactCards({ contacts }: { contacts: unknown }) {
  return (
    <ul className="grid gap-2">
      {list(contacts).map((card, i) => (
        <li key={i} className="flex items-start gap-2 rounded-md bg-black/5 p-2 dark:bg-white/10">
          <Contact className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
          <div className="grid min-w-0">
            <span className="font-medium">{str(card.name) ?? 'Contact'}</span>
            {list(card.phones).map((p, j) => (
              <span key={j} className="text-xs text-muted-foreground">
                {str(p.phone) ?? str(p.waId)}
                {str(p.type) ? ` (${str(p.type)?.toLowerCase()})` : ''}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function OrderDetails({ order }: { order: Json }) {
  const items = list(order.items);
  return (
    <div className="grid gap-1">
      <span className="flex items-center gap-2 font-medium">
        <ShoppingCart className="size-4" aria-hidden="true" /> Order, {items.length} {items.length === 1 ? 'product' : 'products'}
      </span>
      <ul className="grid gap-0.5 text-xs">
        {items.map((item, i) => (
          <li key={i}>
            {str(item.quantity)} × {str(item.productRetailerId)} — {str(item.currency)} {price(item.itemPrice)}
          </li>
        ))}
      </ul>
      {str(order.text) ? <p>{str(order.text)}</p> : null}
    </div>
  );
}

// A customer who came from a click-to-WhatsApp ad or post.
export function ReferralDetails({ referral }: { referral: Json }) {
  const source = str(referral.sourceUrl);
  return (
    <div className="mb-1 flex items-start gap-2 rounded-md border-l-4 border-primary/60 bg-black/5 p-2 text-xs dark:bg-white/10">
      <Megaphone className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="grid min-w-0">
        <span className="font-medium">From {str(referral.sourceType) === 'post' ? 'a post' : 'an ad'}: {str(referral.headline) ?? 'untitled'}</span>
        {str(referral.body) ? <span className="line-clamp-2">{str(referral.body)}</span> : null}
        {source ? (
          <a href={source} target="_blank" rel="noreferrer" className="truncate underline underline-offset-2">
            {source}
          </a>
        ) : null}
      </div>
    </div>
  );
}
