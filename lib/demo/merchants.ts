// Spending profiles per Sparkov category, and a fixed merchant catalogue.
import { SPARKOV_CATEGORIES, type SparkovCategory } from '../ml/events/seed-shapes';
import { createRng, type Rng } from '../ml/rng';

export interface CategoryProfile {
  /** Relative share of an average card's legitimate transactions. */
  weight: number;
  /** Median legitimate amount in dollars (log-normal). */
  median: number;
  /** Log-normal sigma: wider for categories with big occasional purchases. */
  sigma: number;
  /** Share of tiny purchases (coffee, parking): keeps the low end realistic. */
  small: number;
}

// Roughly the shape of Sparkov's legitimate rows: home/kids/shopping common, grocery_net/travel rare.
export const CATEGORY_PROFILES: Record<SparkovCategory, CategoryProfile> = {
  gas_transport: { weight: 10, median: 62, sigma: 0.45, small: 0.1 },
  grocery_pos: { weight: 9, median: 95, sigma: 0.45, small: 0.1 },
  home: { weight: 10, median: 45, sigma: 0.8, small: 0.3 },
  shopping_pos: { weight: 9, median: 40, sigma: 0.95, small: 0.35 },
  kids_pets: { weight: 9, median: 40, sigma: 0.8, small: 0.3 },
  shopping_net: { weight: 7, median: 45, sigma: 1.0, small: 0.3 },
  entertainment: { weight: 7, median: 45, sigma: 0.85, small: 0.25 },
  food_dining: { weight: 8, median: 35, sigma: 0.8, small: 0.3 },
  personal_care: { weight: 7, median: 30, sigma: 0.8, small: 0.35 },
  health_fitness: { weight: 7, median: 40, sigma: 0.75, small: 0.25 },
  misc_pos: { weight: 6, median: 40, sigma: 0.9, small: 0.3 },
  misc_net: { weight: 4, median: 40, sigma: 1.0, small: 0.35 },
  grocery_net: { weight: 3, median: 50, sigma: 0.35, small: 0.05 },
  travel: { weight: 3, median: 20, sigma: 1.6, small: 0.35 },
};

// Faker-style company surnames, the source of Sparkov's "fraud_Kirlin and Sons"-like merchants.
export const MERCHANT_SURNAMES = [
  'Abbott', 'Altenwerth', 'Bartoletti', 'Bauch', 'Bechtelar', 'Bernier', 'Boehm', 'Bogisich',
  'Brekke', 'Cartwright', 'Cassin', 'Christiansen', 'Cormier', 'Cronin', 'Dach', 'Dibbert',
  'Dickinson', 'Donnelly', 'Ebert', 'Emard', 'Feeney', 'Fisher', 'Friesen', 'Gerhold',
  'Gislason', 'Gleichner', 'Goldner', 'Gorczany', 'Grady', 'Greenfelder', 'Hackett', 'Hahn',
  'Hammes', 'Hartmann', 'Heller', 'Hermiston', 'Hilll', 'Hodkiewicz', 'Howe', 'Huels',
  'Jacobson', 'Jaskolski', 'Jerde', 'Kassulke', 'Kautzer', 'Kemmer', 'Kertzmann', 'Kessler',
  'Koch', 'Konopelski', 'Kozey', 'Kuvalis', 'Langworth', 'Larkin', 'Leannon', 'Lebsack',
  'Lehner', 'Lind', 'Lockman', 'Luettgen', 'Marquardt', 'Mayert', 'Medhurst', 'Mertz',
  'Monahan', 'Mosciski', 'Nader', 'Nienow', 'Nolan', 'Okuneva', 'Ondricka', 'Pacocha',
  'Paucek', 'Pfannerstill', 'Pouros', 'Prohaska', 'Quigley', 'Raynor', 'Rempel', 'Rippin',
  'Rohan', 'Rolfson', 'Runolfsdottir', 'Satterfield', 'Schaden', 'Schiller', 'Schmeler', 'Schroeder',
  'Schumm', 'Shanahan', 'Smitham', 'Spencer', 'Stanton', 'Stehr', 'Stokes', 'Stracke',
  'Swift', 'Terry', 'Thiel', 'Tillman', 'Towne', 'Trantow', 'Turcotte', 'Upton',
  'Vandervort', 'Veum', 'Volkman', 'Waelchi', 'Wehner', 'Weissnat', 'Wiza', 'Wolff',
  'Wunsch', 'Yost', 'Ziemann', 'Zulauf',
] as const;

const COMPANY_SUFFIXES = ['and Sons', 'LLC', 'Group', 'Inc', 'Ltd', 'PLC'] as const;

export interface Merchant {
  /** Sparkov spelling: every merchant name carries the 'fraud_' prefix, fraudulent or not. */
  name: string;
  category: SparkovCategory;
}

/** Merchants per category in the catalogue. */
export const MERCHANTS_PER_CATEGORY = 10;

// A fixed seed: the same merchants appear in every demo data set, whatever the caller's seed.
const CATALOGUE_SEED = 0x5eed;
let catalogue: Record<SparkovCategory, Merchant[]> | undefined;

/** The fixed merchant catalogue, grouped by category (built once, then cached). */
export function merchantCatalogue(): Record<SparkovCategory, Merchant[]> {
  if (catalogue) return catalogue;
  const rng = createRng(CATALOGUE_SEED);
  const used = new Set<string>();
  const out = {} as Record<SparkovCategory, Merchant[]>;
  for (const category of SPARKOV_CATEGORIES) {
    const list: Merchant[] = [];
    while (list.length < MERCHANTS_PER_CATEGORY) {
      const name = `fraud_${companyName(rng)}`;
      if (used.has(name)) continue;
      used.add(name);
      list.push({ name, category });
    }
    out[category] = list;
  }
  catalogue = out;
  return out;
}

// Faker's three company formats: "A Suffix", "A-B", "A, B and C".
function companyName(rng: Rng): string {
  const a = rng.pick(MERCHANT_SURNAMES);
  const r = rng.next();
  if (r < 0.45) return `${a} ${rng.pick(COMPANY_SUFFIXES)}`;
  const b = rng.pick(MERCHANT_SURNAMES);
  if (r < 0.8) return `${a}-${b}`;
  return `${a}, ${b} and ${rng.pick(MERCHANT_SURNAMES)}`;
}
