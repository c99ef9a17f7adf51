/** Strings of this area, merged into the app's dictionaries under "coding". */
export const codingStrings = {
  en: { title: 'Coding' },
  nl: { title: "Coderen" },
};
