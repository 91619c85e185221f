// GET|POST /webhook/whatsapp — alias of /api/webhooks/whatsapp (the prototype's callback URL)
export { GET, POST } from '@/app/api/webhooks/whatsapp/route';

export const dynamic = 'force-dynamic';
