import type { APIRequestContext, APIResponse } from '@playwright/test';

// The REST API as a tenant's integration calls it: every request carries its API key.
export function apiClient(request: APIRequestContext, key: string) {
  const headers = { authorization: `Bearer ${key}` };
  return {
    get: (path: string): Promise<APIResponse> => request.get(`/api/v1${path}`, { headers }),
    post: (path: string, data: unknown): Promise<APIResponse> => request.post(`/api/v1${path}`, { headers, data }),
    // The `data` of a list endpoint (first page).
    list: async <T>(path: string): Promise<T[]> => {
      const res = await request.get(`/api/v1${path}`, { headers });
      if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}`);
      return ((await res.json()) as { data: T[] }).data;
    },
  };
}
