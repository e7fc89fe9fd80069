// Response contracts (this folder) describe the JSON an API route answers: dates are ISO strings on the wire.
// Services build them from database rows, where those fields are still Dates; Served<T> is that server-side form.
import type { z } from 'zod';
import type { IsoTime } from './common';

type ServedOf<T> = T extends IsoTime ? Date | string : T extends readonly unknown[] ? { [K in keyof T]: ServedOf<T[K]> } : T extends object ? { [K in keyof T]: ServedOf<T[K]> } : T;

/** What a service may return for the contract schema S: a Date (or any string) where S has an IsoTime; the rest exact. */
export type Served<S extends z.ZodType> = ServedOf<z.output<S>>;

/** The TS type a client reads for the contract T: IsoTime is a plain string there (the brand only guides Served). */
export type JsonOf<T> = T extends IsoTime ? string : T extends readonly unknown[] ? { [K in keyof T]: JsonOf<T[K]> } : T extends object ? { [K in keyof T]: JsonOf<T[K]> } : T;
