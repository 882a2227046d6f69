// Every mail the shop sends: a subject, a plain-text part and an HTML part, the shop's name, and
// links built from the configured base URL only (mailBaseUrl: APP_URL). A template gets its
// non-secret data (stored as JSON in the outbox row) and, for links, the one-time token, which
// the outbox keeps encrypted until the mail is sent.
import { formatCents } from '@/lib/shop/money';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface OrderLine {
  name: string;
  unitPriceCents: number;
  quantity: number;
}

/** The data each template needs (the link's token travels separately, as the row's secret). */
export interface TemplateData {
  verify_email: { name: string };
  reset_password: { name: string };
  confirm_new_email: { name: string; newEmail: string };
  email_changed: { name: string; newEmail: string };
  /** `removed`: sign-in methods a first-proof reset took away (lib/auth/email-flows.ts), said in the mail. */
  password_changed: { name: string; at: string; removed?: string[] };
  new_browser: { name: string; browser: string; at: string };
  order_confirmation: { name: string; orderId: string; items: OrderLine[]; totalCents: number };
}
export type TemplateName = keyof TemplateData;
export const TEMPLATE_NAMES = [
  'verify_email',
  'reset_password',
  'confirm_new_email',
  'email_changed',
  'password_changed',
  'new_browser',
  'order_confirmation',
] as const satisfies readonly TemplateName[];

export interface RenderContext {
  shopName: string;
  /** Origin for links, e.g. https://shop.example.com */
  baseUrl: string;
  /** The one-time token of a link template (null once erased). */
  secret: string | null;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const when = (iso: string) => new Date(iso).toUTCString();

interface Body {
  subject: string;
  greeting: string;
  paragraphs: string[];
  link?: { label: string; url: string };
  after?: string[];
  /** Extra HTML (an order table) with its plain-text twin. */
  table?: { text: string; html: string };
}

function layout(ctx: RenderContext, body: Body): RenderedMail {
  const text = [
    body.greeting,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    ...(body.table ? [body.table.text, ''] : []),
    ...(body.link ? [`${body.link.label}: ${body.link.url}`, ''] : []),
    ...(body.after ?? []).flatMap((p) => [p, '']),
    `— ${ctx.shopName}`,
    ctx.baseUrl,
  ].join('\n');
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(body.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2328;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:700;font-size:18px;margin:0 0 24px">${escapeHtml(ctx.shopName)}</p>
${p(body.greeting)}
${body.paragraphs.map(p).join('\n')}
${body.table ? body.table.html : ''}
${
  body.link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.link.url)}" style="background:#2457c5;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(body.link.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#57606a">Or open this address: ${escapeHtml(body.link.url)}</p>`
    : ''
}
${(body.after ?? []).map(p).join('\n')}
<p style="margin:24px 0 0;font-size:13px;color:#57606a">— ${escapeHtml(ctx.shopName)}, <a href="${escapeHtml(ctx.baseUrl)}">${escapeHtml(ctx.baseUrl)}</a></p>
</body></html>`;
  return { subject: body.subject, text, html };
}

function linkTo(ctx: RenderContext, path: string): string {
  if (!ctx.secret) throw new Error('this mail needs its link token, which is gone');
  const url = new URL(path, ctx.baseUrl);
  url.searchParams.set('token', ctx.secret);
  return url.toString();
}

function orderTable(items: OrderLine[], totalCents: number): { text: string; html: string } {
  const rows = items.map((i) => ({ ...i, line: formatCents(i.unitPriceCents * i.quantity) }));
  const text = [
    ...rows.map((r) => `${r.quantity} × ${r.name} at ${formatCents(r.unitPriceCents)} = ${r.line}`),
    `Total: ${formatCents(totalCents)}`,
  ].join('\n');
  const cell = 'style="padding:4px 8px;border-bottom:1px solid #d0d7de;text-align:left"';
  const html = `<table style="border-collapse:collapse;margin:0 0 16px;width:100%">
<thead><tr><th ${cell}>Item</th><th ${cell}>Qty</th><th ${cell}>Price</th><th ${cell}>Line total</th></tr></thead>
<tbody>${rows
    .map((r) => `<tr><td ${cell}>${escapeHtml(r.name)}</td><td ${cell}>${r.quantity}</td><td ${cell}>${formatCents(r.unitPriceCents)}</td><td ${cell}>${r.line}</td></tr>`)
    .join('')}</tbody>
<tfoot><tr><th ${cell} colspan="3">Total</th><th ${cell}>${formatCents(totalCents)}</th></tr></tfoot>
</table>`;
  return { text, html };
}

const RENDERERS: { [T in TemplateName]: (data: TemplateData[T], ctx: RenderContext) => RenderedMail } = {
  verify_email: (d, ctx) =>
    layout(ctx, {
      subject: `Confirm your email address for ${ctx.shopName}`,
      greeting: `Hello ${d.name},`,
      paragraphs: [`Please confirm that this is your email address. The link works once and for 24 hours.`],
      link: { label: 'Confirm my address', url: linkTo(ctx, '/verify-email') },
      after: ['If you did not create an account, ignore this mail.'],
    }),
  reset_password: (d, ctx) =>
    layout(ctx, {
      subject: `Reset your ${ctx.shopName} password`,
      greeting: `Hello ${d.name},`,
      paragraphs: ['Someone (we hope you) asked to reset the password of your account. The link works once and for 30 minutes.'],
      link: { label: 'Choose a new password', url: linkTo(ctx, '/reset-password') },
      after: ['If you did not ask for this, ignore this mail: your password stays as it is.'],
    }),
  confirm_new_email: (d, ctx) =>
    layout(ctx, {
      subject: `Confirm your new email address for ${ctx.shopName}`,
      greeting: `Hello ${d.name},`,
      paragraphs: [`Confirm that ${d.newEmail} should become the address of your account. Nothing changes until you do. The link works once and for 24 hours.`],
      link: { label: 'Confirm my new address', url: linkTo(ctx, '/verify-email') },
      after: ['If you did not ask for this, ignore this mail.'],
    }),
  email_changed: (d, ctx) =>
    layout(ctx, {
      subject: `Your ${ctx.shopName} email address was changed`,
      greeting: `Hello ${d.name},`,
      paragraphs: [`The email address of your account is now ${d.newEmail}. Mail about your account goes there from now on.`],
      after: [`If you did not do this, reset your password at ${new URL('/forgot-password', ctx.baseUrl)} using the new address, or contact us.`],
    }),
  password_changed: (d, ctx) =>
    layout(ctx, {
      subject: `Your ${ctx.shopName} password was changed`,
      greeting: `Hello ${d.name},`,
      paragraphs: [
        `The password of your account was changed on ${when(d.at)}.`,
        ...(d.removed?.length
          ? [
              `This reset was the first proof that the address is yours, so what had been added to the account before it was removed: ${d.removed.join(', ')}. ` +
                `If you added them yourself, add them again from ${new URL('/account', ctx.baseUrl)}.`,
            ]
          : []),
      ],
      after: [`If you did not do this, reset it now at ${new URL('/forgot-password', ctx.baseUrl)}.`],
    }),
  new_browser: (d, ctx) =>
    layout(ctx, {
      subject: `New sign-in to ${ctx.shopName} from ${d.browser}`,
      greeting: `Hello ${d.name},`,
      paragraphs: [`Your account was signed in to from ${d.browser}, a browser not seen on your account before, on ${when(d.at)}.`],
      after: [`If this was not you, change your password and end that sign-in at ${new URL('/account', ctx.baseUrl)}.`],
    }),
  order_confirmation: (d, ctx) =>
    layout(ctx, {
      subject: `Your ${ctx.shopName} order ${d.orderId}`,
      greeting: `Hello ${d.name},`,
      paragraphs: ['Thank you for your order. Here is what you bought, at the prices you paid:'],
      table: orderTable(d.items, d.totalCents),
      link: { label: 'See your order', url: new URL(`/orders/${encodeURIComponent(d.orderId)}`, ctx.baseUrl).toString() },
    }),
};

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

export function renderMail<T extends TemplateName>(template: T, data: TemplateData[T], ctx: RenderContext): RenderedMail {
  return RENDERERS[template](data, ctx);
}
