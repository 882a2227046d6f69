// Every mail: both parts, the shop's name, links from the configured origin only, and the user's
// data escaped in the HTML part.
import { describe, expect, it } from 'vitest';
import { renderMail, TEMPLATE_NAMES, type TemplateData, type TemplateName } from './templates';

const ctx = { shopName: 'Tokenshop', baseUrl: 'https://shop.example.com', secret: 'A'.repeat(43) };
const at = '2026-11-30T12:00:00.000Z';
const SAMPLES: TemplateData = {
  verify_email: { name: 'Ada' },
  reset_password: { name: 'Ada' },
  confirm_new_email: { name: 'Ada', newEmail: 'new@example.com' },
  email_changed: { name: 'Ada', newEmail: 'new@example.com' },
  password_changed: { name: 'Ada', at },
  new_browser: { name: 'Ada', browser: 'Firefox on Linux', at },
  order_confirmation: { name: 'Ada', orderId: 'ord_1', items: [{ name: 'Mug <b>', unitPriceCents: 1250, quantity: 2 }], totalCents: 2500 },
};

describe('mail templates', () => {
  it.each(TEMPLATE_NAMES)('%s has a subject, a text and an HTML part with the shop name, linking only to the base URL', (name) => {
    const mail = renderMail(name as TemplateName, SAMPLES[name] as never, ctx);
    expect(mail.subject).toContain('Tokenshop');
    expect(mail.text).toContain('Tokenshop');
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.html).toContain('Tokenshop');
    const links = [...`${mail.text} ${mail.html}`.matchAll(/https?:\/\/[^\s"<]+/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link).origin).toBe('https://shop.example.com');
  });

  it('puts the token only into the link of link mails', () => {
    const mail = renderMail('reset_password', SAMPLES.reset_password, ctx);
    expect(mail.text).toContain(`https://shop.example.com/reset-password?token=${ctx.secret}`);
    expect(() => renderMail('reset_password', SAMPLES.reset_password, { ...ctx, secret: null })).toThrow();
  });

  it('escapes user data in HTML and lists order lines with the prices paid', () => {
    const mail = renderMail('order_confirmation', SAMPLES.order_confirmation, ctx);
    expect(mail.html).toContain('Mug &lt;b&gt;');
    expect(mail.html).not.toContain('Mug <b>');
    expect(mail.text).toContain('2 × Mug <b> at $12.50 = $25.00');
    expect(mail.text).toContain('Total: $25.00');
    expect(mail.text).toContain('https://shop.example.com/orders/ord_1');
  });
});
