import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Regenerates the two data tables embedded in io.chatda.hangul. Not part of the build: run by
 * hand with `java hangul/tools/GenerateTables.java /usr/share/dict/american-english` (Debian
 * package wamerican, SCOWL word list) and paste the printed constants into EnglishBigrams.java and
 * Syllables.java.
 *
 * <ul>
 *   <li>English letter bigrams: log2 P(next | previous) over a-z plus a word-boundary symbol,
 *       add-one smoothed, counted over the word list (one count per word, possessives and words
 *       with non a-z letters skipped), negated and rounded to 0..25, stored as 'a' + value.
 *   <li>KS X 1001 syllables: the 2,350 precomposed syllables of the Korean national character
 *       set (the ones EUC-KR can encode), the customary "commonly used syllables" set.
 * </ul>
 */
public class GenerateTables {
  public static void main(String[] args) throws Exception {
    int n = 27; // 0..25 letters, 26 boundary
    long[][] counts = new long[n][n];
    List<String> words = Files.readAllLines(Path.of(args[0]));
    int used = 0;
    for (String w : words) {
      String s = w.toLowerCase(Locale.ROOT);
      if (!s.matches("[a-z]+")) continue;
      used++;
      int prev = 26;
      for (int i = 0; i < s.length(); i++) {
        int c = s.charAt(i) - 'a';
        counts[prev][c]++;
        prev = c;
      }
      counts[prev][26]++;
    }
    StringBuilder table = new StringBuilder();
    for (int p = 0; p < n; p++) {
      long total = 0;
      for (int q = 0; q < n; q++) total += counts[p][q] + 1;
      for (int q = 0; q < n; q++) {
        double lp = -Math.log((counts[p][q] + 1) / (double) total) / Math.log(2);
        int v = (int) Math.min(25, Math.round(lp));
        table.append((char) ('a' + v));
      }
    }
    System.out.println("// words used: " + used);
    System.out.println("BIGRAMS:");
    for (int p = 0; p < n; p++) System.out.println("      + \"" + table.substring(p * n, p * n + n) + "\"");

    CharsetEncoder enc = Charset.forName("EUC-KR").newEncoder();
    StringBuilder ks = new StringBuilder();
    for (char c = 0xAC00; c <= 0xD7A3; c++) if (enc.canEncode(c)) ks.append(c);
    System.out.println("KSX1001 count " + ks.length());
    for (int i = 0; i < ks.length(); i += 60) System.out.println("      + \"" + ks.substring(i, Math.min(ks.length(), i + 60)) + "\"");
  }
}
