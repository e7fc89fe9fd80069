// Backtest and threshold calls for the tuner. Answer types come from the contracts (lib/schemas/responses).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { MonitorSettingsInput, ThresholdsInput } from '@/lib/schemas/monitoring';
import type { BacktestAnswer } from '@/lib/schemas/responses/monitoring';
import { apiFetch } from './api';

export type BacktestResponse = BacktestAnswer;

export const useBacktest = (versionId: string) =>
  useMutation({ mutationFn: () => apiFetch<BacktestResponse>(`/api/models/versions/${versionId}/backtest`, { method: 'POST', body: {} }) });

export function useSaveThresholds(versionId: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: ThresholdsInput) => apiFetch<ThresholdsInput & { id: string }>(`/api/models/versions/${versionId}/thresholds`, { method: 'PUT', body: input }),
    onSuccess: () => router.refresh(),
  });
}

export const useSaveMonitorSettings = (kind: string) =>
  useMutation({ mutationFn: (input: MonitorSettingsInput) => apiFetch(`/api/monitoring/settings/${kind}`, { method: 'PUT', body: input }) });
