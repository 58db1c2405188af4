import { LEVELS, type Level } from '../test/fixtures/degrade';

/** Turned a quarter or half turn, in the pixels or by the EXIF Orientation tag. */
export const TURNED: readonly Level[] = ['rot90', 'rot180', 'rot270', 'exif'];
/** Held at a slant of 12–30° or flipped by a front camera: reported apart from the everyday photos. */
export const SLANTED: readonly Level[] = ['skew', 'mirror'];
/** Everyday scans and photos: every level neither turned nor slanted. */
export const PHOTOS: readonly Level[] = LEVELS.filter((l) => !TURNED.includes(l) && !SLANTED.includes(l));

/** The groups `bench:accuracy` reports apart, each with its levels in `LEVELS` order. */
export const LEVEL_GROUPS = { photos: PHOTOS, slanted: SLANTED, turned: TURNED } as const;
export type LevelGroup = keyof typeof LEVEL_GROUPS;

/** The group `level` belongs to. */
export function levelGroup(level: Level): LevelGroup {
  return TURNED.includes(level) ? 'turned' : SLANTED.includes(level) ? 'slanted' : 'photos';
}

/** A share of fields read exactly (%) that every cardType must reach on a set of levels. */
export interface AccuracyTarget {
  name: string;
  levels: readonly Level[];
  /** Lowest acceptable share of fields exact, in %. */
  min: number;
}

/**
 * What the accuracy report checks each cardType against: the everyday photos at 98 %, and each harder case —
 * turned, tilted (3–12° and the 12–30° slant), dim light, mirrored by a front camera — at 95 %.
 */
export const ACCURACY_TARGETS: readonly AccuracyTarget[] = [
  { name: 'photos', levels: PHOTOS, min: 98 },
  { name: 'turned', levels: TURNED, min: 95 },
  { name: 'tilted', levels: ['tilt', 'skew'], min: 95 },
  { name: 'dim', levels: ['dim'], min: 95 },
  { name: 'mirrored', levels: ['mirror'], min: 95 },
];
