import type { CampaignDraft } from './campaign-draft';

// What the builder's page loads on the server and hands to the steps.

export interface BuilderChannel {
  id: string;
  name: string;
  sendRatePerSecond: number;
}

export interface BuilderSegment {
  id: string;
  name: string;
}

export interface BuilderTemplate {
  id: string;
  // Null: a template not tied to one number.
  channelId: string | null;
  name: string;
  language: string;
  category: string;
  body: string;
  parameterCount: number;
}

export interface StepProps {
  draft: CampaignDraft;
  errors: Record<string, string>;
  onChange: (patch: Partial<CampaignDraft>) => void;
}
