import { Forward, Mic } from 'lucide-react';
import type { MessageView } from '@/lib/inbox/views';
import { reactionOf } from '@/lib/inbox/reactions';
import { interactiveContentSchema } from '@/lib/whatsapp/interactive-content';
import { DocumentLink, MediaImage, mediaUrl } from './media-attachment';
import { ContactCards, LocationDetails, OrderDetails, ReferralDetails, part, str } from './message-details';

function Caption({ children }: { children: string | null }) {
  return children ? <p className="whitespace-pre-wrap break-words">{children}</p> : null;
}

function Note({ children }: { children: React.ReactNode }) {
  return <p className="text-muted-foreground italic">{children}</p>;
}

// What a customer tapped: a reply button, a list row, or a template's quick reply.
function TappedReply({ message }: { message: MessageView }) {
  const interactive = part(message.content, 'interactive');
  const kind = str(interactive?.kind);
  const label = kind === 'list_reply' ? 'Chose from the list' : kind === 'nfm_reply' ? 'Sent the form' : 'Tapped';
  return (
    <div className="grid gap-0.5">
      <span className="text-xs text-muted-foreground">{label}</span>
      <span className="w-fit rounded-full border border-current/20 px-2.5 py-0.5 font-medium">{message.text ?? str(interactive?.id) ?? '—'}</span>
      {str(interactive?.description) ? <span className="text-xs text-muted-foreground">{str(interactive?.description)}</span> : null}
    </div>
  );
}

// A message Sembang sent with reply buttons (the consent notice): its text and the choices.
function SentButtons({ message }: { message: MessageView }) {
  const parsed = interactiveContentSchema.safeParse(message.content);
  return (
    <div className="grid gap-1.5">
      <Caption>{message.text}</Caption>
      {parsed.success ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Reply buttons">
          {parsed.data.interactive.buttons.map((b) => (
            <li key={b.id} className="rounded-full border border-current/20 px-2.5 py-0.5 text-xs font-medium">
              {b.title}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Media({ message }: { message: MessageView }) {
  const { mediaId, media } = message;
  if (!mediaId) return <Note>The {message.type} is not available.</Note>;
  switch (message.type) {
    case 'image':
      return <MediaImage mediaId={mediaId} media={media} alt={message.text ?? 'Image from the customer'} />;
    case 'sticker':
      return <MediaImage mediaId={mediaId} media={media} alt="Sticker" small />;
    case 'video':
      return <video controls preload="metadata" src={mediaUrl(mediaId)} className="max-h-72 max-w-full rounded-md" aria-label="Video" />;
    case 'audio':
      return (
        <div className="grid gap-1">
          {part(message.content, 'audio')?.voice === true ? (
            <span className="flex items-center gap-1 text-xs text-muted-foreground">
              <Mic className="size-3" aria-hidden="true" /> Voice message
            </span>
          ) : null}
          <audio controls preload="none" src={mediaUrl(mediaId)} className="max-w-full" aria-label="Audio message" />
        </div>
      );
    default:
      return <DocumentLink mediaId={mediaId} media={media} fallbackName={message.text ?? 'document'} />;
  }
}

function Body({ message }: { message: MessageView }) {
  const c = message.content;
  switch (message.type) {
    case 'text':
      return <Caption>{message.text}</Caption>;
    case 'image':
    case 'video':
    case 'sticker':
    case 'audio':
      return (
        <div className="grid gap-1">
          <Media message={message} />
          <Caption>{message.type === 'image' || message.type === 'video' ? message.text : null}</Caption>
        </div>
      );
    case 'document': {
      const caption = message.text && message.text !== message.media?.fileName ? message.text : null;
      return (
        <div className="grid gap-1">
          <Media message={message} />
          <Caption>{caption}</Caption>
        </div>
      );
    }
    case 'location': {
      const location = part(c, 'location');
      return location ? <LocationDetails location={location} /> : <Caption>{message.text}</Caption>;
    }
    case 'contacts':
      return <ContactCards contacts={c.contacts} />;
    case 'interactive':
      return message.direction === 'outbound' ? <SentButtons message={message} /> : <TappedReply message={message} />;
    case 'button':
      return <TappedReply message={message} />;
    case 'reaction': {
      const emoji = reactionOf(message)?.emoji;
      return <Note>{emoji ? `Reacted ${emoji}` : 'Removed a reaction'}</Note>;
    }
    case 'order': {
      const order = part(c, 'order');
      return order ? <OrderDetails order={order} /> : <Caption>{message.text}</Caption>;
    }
    case 'system':
      return <Note>{message.text ?? 'System message'}</Note>;
    case 'template':
      return (
        <div className="grid gap-1">
          <span className="text-xs text-muted-foreground">Template {str(c.name) ? `“${str(c.name)}”` : ''}</span>
          <Caption>{message.text}</Caption>
        </div>
      );
    default:
      return <Note>{message.text ?? 'A message type WhatsApp does not support yet.'}</Note>;
  }
}

export function MessageBody({ message }: { message: MessageView }) {
  const referral = part(message.content, 'referral');
  return (
    <>
      {message.content.forwarded === true || message.content.frequentlyForwarded === true ? (
        <span className="flex items-center gap-1 text-xs text-muted-foreground italic">
          <Forward className="size-3" aria-hidden="true" /> {message.content.frequentlyForwarded === true ? 'Forwarded many times' : 'Forwarded'}
        </span>
      ) : null}
      {referral ? <ReferralDetails referral={referral} /> : null}
      <Body message={message} />
    </>
  );
}
