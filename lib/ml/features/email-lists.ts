// Compact reference lists for email features. Kept separate so email.ts stays readable.

import disposableList from 'disposable-email-domains';
import disposableWildcards from 'disposable-email-domains/wildcard.json';

/** Every delegated 2-letter country-code TLD (plus eu, su, ac, uk). */
const CC =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bv bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ' +
  'ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ' +
  'ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu ' +
  'mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw ' +
  'sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ' +
  'ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';

/** Common generic TLDs; not the full IANA list, but what real mail domains overwhelmingly use. */
const GENERIC =
  'com net org edu gov mil int info biz name pro mobi app dev xyz online site store shop tech club top live email ' +
  'cloud blog art space website news page link digital agency solutions company world today network services global ' +
  'life fun icu vip work asia tel travel jobs museum aero coop cat post codes group media one design ltd inc bank';

export const VALID_TLDS: ReadonlySet<string> = new Set(`${CC} ${GENERIC}`.split(/\s+/));

/** Big mail providers and brands that phishers imitate. */
export const BRANDS: readonly string[] = (
  'gmail google googlemail yahoo outlook hotmail live msn aol icloud apple paypal amazon facebook microsoft ' +
  'netflix ebay instagram twitter linkedin protonmail proton yandex gmx zoho comcast verizon orange wanadoo ' +
  'chase wellsfargo citibank bankofamerica coinbase binance whatsapp spotify dropbox adobe'
).split(' ');

/** Free webmail providers: legitimate, but a different risk profile from a company domain. */
export const PROVIDERS: ReadonlySet<string> = new Set(
  (
    'gmail googlemail yahoo outlook hotmail live msn aol icloud me mac protonmail proton yandex gmx zoho mail web ' +
    'comcast verizon orange wanadoo free laposte qq 163 126 naver'
  ).split(' '),
);

/** Second-level labels used under ccTLDs (example.co.uk): skipped when finding the brand label. */
export const SECOND_LEVEL: ReadonlySet<string> = new Set('co com net org ac gov edu ne or go gob nic'.split(' '));

// The disposable list has ~120,000 domains: its Set is built on first use, so scoring a model without email
// features (e.g. `vigil score` of a tabular model) does not pay for it.
let disposableSet: ReadonlySet<string> | undefined;

/** A throwaway-mail domain: on the disposable-email-domains list, or under one of its wildcard domains. */
export function isDisposableDomain(domain: string): boolean {
  disposableSet ??= new Set(disposableList as string[]);
  return disposableSet.has(domain)
    || (disposableWildcards as string[]).some((w) => domain === w || domain.endsWith(`.${w}`));
}
