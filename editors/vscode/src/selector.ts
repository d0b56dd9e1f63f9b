// Which documents the language server reviews.

export type DocumentsSetting = "all" | "contracts";

export interface DocumentFilter {
  language: string;
  scheme: string;
  pattern?: string;
}

export const LANGUAGES = ["markdown", "plaintext"] as const;

/** `all`: every Markdown and plain-text document, saved or not; `contracts`: `*.contract.{md,txt}`. */
export function documentSelector(documents: string): DocumentFilter[] {
  if (documents === "contracts") {
    return LANGUAGES.map((language) => ({
      language,
      scheme: "file",
      pattern: "**/*.contract.{md,txt}",
    }));
  }
  return LANGUAGES.flatMap((language) => [
    { language, scheme: "file" },
    { language, scheme: "untitled" },
  ]);
}
