#!/usr/bin/env node
// `npm start`: launches the desktop app. The Electron shell and the screens are the next piece of
// work ("Foundation 2 of 2"); until they land, say so plainly and point to what works today.
process.stdout.write(
  [
    'Duiding: the desktop window is not built yet (it arrives with the browser host and Electron shell).',
    'Everything else works from the command line today:',
    '',
    '  npx duiding new study.duiding --title "My study"',
    '  npx duiding import study.duiding interviews/*.docx --pseudonyms names.csv',
    '  npx duiding search study.duiding "brede basiszorg"',
    '  npx duiding --help',
    '',
  ].join('\n'),
);
