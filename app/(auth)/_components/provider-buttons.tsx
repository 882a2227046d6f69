// "Continue with <provider>" on /login and /signup: one plain link per configured provider (a full
// navigation to the start route, which redirects to the provider; works without JavaScript).
// Nothing is shown when no provider is configured.
import { configuredProviders } from '@/lib/auth/oidc';
import styles from './provider-buttons.module.css';

export function ProviderButtons({ next }: { next: string }) {
  const providers = configuredProviders();
  if (providers.length === 0) return null;
  return (
    <div className={styles.providers}>
      <ul className={styles.list} aria-label="Sign in with another service">
        {providers.map((p) => {
          const href = `/api/auth/oidc/start?provider=${encodeURIComponent(p.key)}${next === '/' ? '' : `&next=${encodeURIComponent(next)}`}`;
          return (
            <li key={p.key}>
              <a className={`button secondary ${styles.button}`} href={href}>
                Continue with {p.label}
              </a>
            </li>
          );
        })}
      </ul>
      <p className={styles.divider}>
        <span>or with your email</span>
      </p>
    </div>
  );
}
