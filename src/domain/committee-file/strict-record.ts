/**
 * Mappings with a fixed set of keys. An unknown key is almost always a typo (`deadlin:`), and a
 * typo must not pass silently, so it is an error that says which key was probably meant.
 *
 * zod reports all unknown keys of one mapping as one issue; the message carries one line per key,
 * and splitUnknownKeys turns it back into one error per key, each with its own path and line.
 */
import { z } from "zod";
import { unknownKeyMessage } from "./messages.js";

export function record<S extends z.core.$ZodLooseShape>(shape: S) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? issue.keys.map((key) => unknownKeyMessage(key, allowed)).join("\n") : undefined,
  });
}

/** One { key, message } per unknown key of an `unrecognized_keys` issue raised by a record(). */
export function splitUnknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys): { key: string; message: string }[] {
  const messages = issue.message.split("\n");
  return issue.keys.map((key, i) => ({ key, message: messages[i] ?? `unknown key "${key}"` }));
}
