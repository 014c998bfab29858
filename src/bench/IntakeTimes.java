import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.hindsight.intake.CandidateFinder;
import app.hindsight.intake.Transcript;

/**
 * Times intake's candidate finding on a two-hour transcript (about 20,000 words), the cost target being well
 * under two seconds: an English one made of speaker turns mixing forward-looking and other sentences, and the town
 * hall's Chinese text repeated to the same length in characters as two hours of Chinese speech (about 40,000).
 * Prints the one-time loading (lexicons, ICU's break rules and script converters), then the first and the median of
 * seven runs, in wall-clock and in the thread's CPU time (the latter is what to compare on a shared, loaded machine).
 * From the repository's root, after {@code mvn compile}:
 *
 * <pre>
 * java -cp target/classes:$(ls ~/.m2/repository/com/ibm/icu/icu4j/79.1/icu4j-79.1.jar) src/bench/IntakeTimes.java
 * </pre>
 */
public class IntakeTimes {

    static final String[] SENTENCES = {
        "I think we will have much better models by the end of 2027.",
        "That was a really interesting question, thank you.",
        "We plan to open the API to every developer next year.",
        "Costs could fall 30 to 40 per cent in another couple of years.",
        "When I started, nobody believed any of this was possible.",
        "Kids should not use these tools before they can read.",
        "The team worked very hard on the last release.",
        "Eventually most software will be written by agents, and people will direct them.",
        "Mr. Smith asked about energy, e.g. how much the data centres use.",
        "We are going to keep hiring engineers, but more slowly.",
        "Honestly, I don't know the answer to that.",
        "Within five years the price of intelligence will be close to zero.",
    };

    public static void main(String[] args) throws Exception {
        String english = english(20_000);
        String townHall = Files.readString(Path.of("seeds/altman-town-hall-2026-01-27.zh-Hant.txt"), StandardCharsets.UTF_8);
        String chinese = townHall.repeat(40_000 / townHall.length() + 1);
        LocalDate said = LocalDate.of(2026, 1, 27);
        report("English, " + english.split("\\s+").length + " words", english, "en", said);
        report("Chinese, " + chinese.length() + " characters", chinese, "zh-Hant", said);
    }

    static void report(String what, String text, String lang, LocalDate said) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        CandidateFinder.find(Transcript.ofText("Warm up.", lang), said);
        System.out.printf("%-32s loading lexicons and ICU data once: %5.0f ms (cpu %5.0f ms)%n", what,
                (System.nanoTime() - wall) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        List<Double> walls = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        int candidates = 0;
        for (int i = 0; i < 7; i++) {
            wall = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            candidates = CandidateFinder.find(Transcript.ofText(text, lang), said).size();
            walls.add((System.nanoTime() - wall) / 1e6);
            cpus.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
        System.out.printf("%-32s %5d candidates: first %5.0f ms (cpu %5.0f ms), median of 7 %5.0f ms (cpu %5.0f ms)%n",
                "", candidates, walls.get(0), cpus.get(0), median(walls), median(cpus));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Speaker turns of four to eight sentences, cycling through the sentences in a varying order. */
    static String english(int words) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        int turn = 0;
        while (count < words) {
            text.append(turn % 2 == 0 ? "Interviewer: " : "Sam Altman: ");
            int length = turn % 2 == 0 ? 1 : 4 + turn % 5;
            for (int i = 0; i < length; i++) {
                String sentence = SENTENCES[(turn * 7 + i * 5) % SENTENCES.length];
                text.append(sentence).append(' ');
                count += sentence.split(" ").length;
            }
            text.append("\n\n");
            turn++;
        }
        return text.toString();
    }
}
