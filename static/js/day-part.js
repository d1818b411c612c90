// The server guesses the part of the day from its own clock; the person's
// device knows better, so show the suggestion for the local time.
const section = document.querySelector("[data-day-parts]");

function partOfDay(hour, parts) {
  let current = parts[0][0];
  for (const [name, startHour] of parts) {
    if (hour >= startHour) current = name;
  }
  return current;
}

if (section) {
  const parts = JSON.parse(section.dataset.dayParts);
  const wanted = partOfDay(new Date().getHours(), parts);
  const cards = section.querySelectorAll("[data-day-part]");
  if ([...cards].some((card) => card.dataset.dayPart === wanted)) {
    for (const card of cards) card.hidden = card.dataset.dayPart !== wanted;
  }
}
