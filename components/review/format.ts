// Shared by server pages and client rows, so it must not live in a 'use client' module.
export const fmtAmount = (v: number | null) => (v === null ? '–' : `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
export const fmtScore = (v: number | null) => (v === null ? '–' : `${Math.min(99, Math.floor(v * 100))}%`);
