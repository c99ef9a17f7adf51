/** Strings of this area, merged into the app's dictionaries under "memos". */
export const memosStrings = {
  en: { title: 'Memos' },
  nl: { title: "Memo's" },
};
