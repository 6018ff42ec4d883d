// The mock's on-figure model presets: a few appearances, each with a sample image it serves.
import type { Schemas, StudioState } from './state.js';

const PRESETS: readonly { readonly preset_id: string; readonly settings: Schemas['OnFigureModelSettings'] }[] = [
  {
    preset_id: 'woman_young_european',
    settings: {
      gender: 'female',
      ethnicity: 'european',
      age_group: 'young_adult',
      body_shape: 'regular',
      height: 'tall',
      hair_length: 'long',
    },
  },
  {
    preset_id: 'woman_plus_sized_african',
    settings: { gender: 'female', ethnicity: 'african', age_group: 'middle_aged_adult', body_shape: 'plus_sized', hair_style: 'curly' },
  },
  {
    preset_id: 'man_young_asian',
    settings: {
      gender: 'male',
      ethnicity: 'asian',
      age_group: 'young_adult',
      body_shape: 'muscular',
      hair_length: 'short',
      has_beard: false,
    },
  },
];

export const PRESET_IDS: ReadonlySet<string> = new Set(PRESETS.map((preset) => preset.preset_id));

/** The file name of a preset's sample image. */
export const sampleOf = (presetId: string) => `sample-${presetId}.png`;

/** The presets as `GET /on_figure_model_presets` answers them. */
export const describePresets = (state: StudioState): Schemas['OnFigureModelPresetDescription'][] =>
  PRESETS.map(({ preset_id, settings }) => ({ preset_id, sample_image: state.fileUrl(sampleOf(preset_id)), settings: { ...settings } }));
