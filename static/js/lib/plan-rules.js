// My plan's rules the device needs before the server has answered. Pure, no DOM:
// plan-forms.js acts on them and node --test proves them against the server's table.

// The warning signs' tier (/safety#<tier>) an answer points to: the first of the rules'
// urgent answers (app/rules.py URGENT_ANSWERS, most urgent first) that matches, or null.
// The server's app/plan/weeks.py urgent_tier reads the same list the same way
// (tests/cases/urgent-answers.json holds both to one table).
export function urgentTier(answers, urgentAnswers) {
  const found = urgentAnswers.find(({ name, value }) => answers[name] === value);
  return found ? found.tier : null;
}
