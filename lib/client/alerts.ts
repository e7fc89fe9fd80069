import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookInput } from '@/lib/schemas/alerts';
import { apiFetch } from './api';

export function useAcknowledgeAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/alerts/${id}/ack`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
}

export const useCreateWebhook = () =>
  useMutation({ mutationFn: (input: CreateWebhookInput) => apiFetch<{ id: string; secret: string }>('/api/webhooks', { method: 'POST', body: input }) });

export const useDeleteWebhook = () => useMutation({ mutationFn: (id: string) => apiFetch(`/api/webhooks/${id}`, { method: 'DELETE' }) });

export const useResendDelivery = () => useMutation({ mutationFn: (id: string) => apiFetch(`/api/webhooks/deliveries/${id}/resend`, { method: 'POST' }) });
