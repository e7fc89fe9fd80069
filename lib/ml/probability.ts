// The one path from a model's output to the probability that is banded: calibration (inside LoadedModel, so
// stored scores are calibrated at the training base rate), then prior correction to the production base rate.
import { applyCalibration, type Calibration, priorCorrect } from './calibration';
import { type Bands, type Decision, decide } from './threshold';

/** What the conversion needs of an artefact; older artefacts lack both fields and pass through unchanged. */
export interface ProbabilityModel { calibration?: Calibration; trainRate?: number }

/** From the ensemble's raw output (an uncalibrated score) to the production probability. */
export function probabilityFor(model: ProbabilityModel, raw: number, prodRate: number | null): number {
  return priorCorrect(applyCalibration(model.calibration, raw), model.trainRate, prodRate);
}

/** From a calibrated score (what LoadedModel returns and what is stored) to the production probability. */
export function productionProbability(model: ProbabilityModel, calibrated: number, prodRate: number | null): number {
  return priorCorrect(calibrated, model.trainRate, prodRate);
}

/** The decision on the production scale: bands are always compared with the prior-corrected probability. */
export function decideInProduction(model: ProbabilityModel, calibrated: number, bands: Bands, prodRate: number | null): { probability: number; decision: Decision } {
  const probability = productionProbability(model, calibrated, prodRate);
  return { probability, decision: decide(probability, bands) };
}

/** The calibrated score (training base rate) at which a production-scale threshold is reached: for display. */
export function thresholdOnTrainingScale(model: ProbabilityModel, threshold: number, prodRate: number | null): number {
  return priorCorrect(threshold, prodRate, model.trainRate);
}
