/** Strings of this area, merged into the app's dictionaries under "codebook". */
export const codebookStrings = {
  en: { title: 'Codebook' },
  nl: { title: "Codeboek" },
};
