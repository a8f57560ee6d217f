/**
 * How big a committee file and its parts may be. A county's file is a few hundred rows of short
 * Persian text; these bounds are far above that and far below what would clog the database or
 * make a message that no platform can deliver.
 */
export const COMMITTEE_FILE_LIMITS = {
  /** The whole file, in bytes (UTF-8). */
  fileBytes: 2 * 1024 * 1024,
  agencies: 300,
  people: 2_000,
  rolesPerPerson: 20,
  meetings: 500,
  resolutionsPerMeeting: 100,
  coAgencies: 30,
  questions: 20,
  holidays: 100,
  /** Names, titles, labels, units, report-to: one line of a message. */
  shortText: 150,
  /**
   * What a resolution's own message holds of the file's text: the resolution text, the names of
   * its agencies and of the committee, and its report-to. The rest of the message (labels,
   * dates, status, a blocked reason) stays within the remaining ~1,000 characters of a
   * 4,096-character message (test/unit/render/assignment-limits.test.ts measures it).
   */
  resolutionMessage: 3_000,
} as const;

/** "is 3,214 characters long; at most 3,000 are allowed": how every too-long field is reported. */
export function tooLongMessage(length: number, max: number, what = ""): string {
  return `${what}is ${length.toLocaleString("en")} characters long; at most ${max.toLocaleString("en")} are allowed`;
}
