/**
 * Site-wide facts used by the layout (header, footer, citation, <head>). One place to
 * change the title or the licence.
 */
export const SITE = {
  title: "Vanishing Gradients, explorable",
  shortTitle: "Vanishing gradients",
  description:
    "An explorable explainer of the vanishing-gradient problem: every equation beside an experiment you can run, change and share.",
  /** Licence of the code and text (package.json "license"). */
  licence: "MIT",
  licenceUrl: "https://opensource.org/license/mit",
  /**
   * The public source repository. Unknown until the project is published: the footer
   * then names the licence without a link. Set it here (an absolute https URL).
   */
  repositoryUrl: undefined as string | undefined,
  /** First publication year, for the suggested citation. */
  year: 2026,
} as const;
