import { generateModel } from "./generate.ts";

/**
 * Titles as teams write them: short and long, accented, with a line break, and now and then an
 * unbroken string (a link) that must be cut inside the word. The export wraps every one in full,
 * so their mix is what makes the measuring of text cost what it costs in real models.
 */
const PHRASES = [
  "weekly coaching cycle with grade-level team",
  "Lesson study on formative assessment: planning, teaching, and a shared debrief",
  "Élèves en difficulté de lecture — soutien individualisé, deux fois par semaine",
  "Teachers give feedback within 48 hours on every written task",
  "Family literacy nights\nfour a year, with childcare and translation",
  "Resources: https://district.example.org/literacy/coaching-cycle/observation-protocol-v3",
  "Shared notes: https://docs.google.com/document/d/1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5cD6eF7gH8iJ9kL0mN1oP2qR3sT4uV5wX6yZ7/edit?usp=sharing&ouid=104857392018475629301",
  "Students set a personal reading goal and review it with their teacher each month, écrit à la main",
];

/** The generated model of `count` cards (bench/lib/generate.ts) with titles of 1 to 4 phrases. */
export function exportModel(count: number) {
  const file = generateModel(count);
  file.nodes.forEach((node, i) => {
    const parts = 1 + (i % 4);
    const phrases = Array.from({ length: parts }, (_, k) => PHRASES[(i + k * 3) % PHRASES.length]);
    node.title = `${i + 1}. ${phrases.join(" ")}`.slice(0, 480);
  });
  file.title = `Export benchmark: ${count} cards`;
  return file;
}
