/** Strings of this area, merged into the app's dictionaries under "retrieval". */
export const retrievalStrings = {
  en: { title: 'Retrieval' },
  nl: { title: "Ophalen" },
};
