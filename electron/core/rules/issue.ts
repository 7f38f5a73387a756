import { z } from 'zod';

// What the checker returns: data that points at cells, never a thrown error.
// Paths: table cells "t3.r1_new.natural"; text "title", "preface.<blockId>", "sections.s1",
// "sections.s1.<blockId>", "signature.date".

export const IssueSchema = z.strictObject({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  cells: z.array(z.string()),
});
export type Issue = z.infer<typeof IssueSchema>;
export type Severity = Issue['severity'];
