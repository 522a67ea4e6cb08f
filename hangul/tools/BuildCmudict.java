import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Derives hangul/src/main/resources/io/chatda/hangul/cmudict.bin.gz from the npm package
 * cmu-pronouncing-dictionary (its index.js). Run by build-cmudict-resource.sh:
 * {@code java BuildCmudict.java index.js out.bin.gz}.
 *
 * <p>Each a–z word keeps its first two pronunciations, aligned letter by letter: every letter
 * gets one token of zero, one or two phonemes (x = K S, u = Y UW, silent e = nothing), found by
 * hard EM over the whole dictionary. Vowels keep one stress bit (reduced = 0, else 1). From the
 * aligned first pronunciations it also counts letter-to-sound contexts (a letter with up to four
 * letters either side, backing off through shorter windows) and keeps the windows whose most
 * frequent token differs from the next shorter window's.
 *
 * <p>Format (gzip, big-endian DataOutput): "CMUL", version 1; token count, each token as UTF
 * ("" or phonemes like "K S", "AH0"); entry count, then per entry a byte of shared prefix with
 * the previous word, a byte of suffix length, the suffix (ASCII) and one token byte per letter
 * of the word; rule count, then per rule a long context key and a token byte.
 */
public final class BuildCmudict {
  static final String[] PHONES = {
    "AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW",
    "B", "CH", "D", "DH", "F", "G", "HH", "JH", "K", "L", "M", "N", "NG", "P", "R", "S", "SH",
    "T", "TH", "V", "W", "Y", "Z", "ZH"
  };
  static final int NP = PHONES.length;
  static final int LEVELS = 9;
  static final int[][] WINDOWS = {{0, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 3}, {3, 4}, {4, 4}};

  record Entry(String word, int[] phones, boolean[] stressed) {}

  public static void main(String[] args) throws IOException {
    List<Entry> entries = parse(Path.of(args[0]));
    System.err.println("entries: " + entries.size());
    double[][] p = train(entries);
    List<String> tokens = new ArrayList<>(List.of(""));
    Map<String, Integer> tokenIds = new HashMap<>(Map.of("", 0));
    List<String> words = new ArrayList<>();
    List<byte[]> aligned = new ArrayList<>();
    int dropped = 0;
    for (Entry e : entries) {
      int[] alignment = align(e, p);
      if (alignment == null) {
        dropped++;
        continue;
      }
      byte[] ids = new byte[e.word.length()];
      int j = 0;
      for (int i = 0; i < ids.length; i++) {
        StringBuilder t = new StringBuilder();
        for (int k = 0; k < alignment[i]; k++, j++) {
          if (t.length() > 0) t.append(' ');
          t.append(PHONES[e.phones[j]]);
          if (e.phones[j] < 15) t.append(e.stressed[j] ? '1' : '0');
        }
        String token = t.toString();
        Integer id = tokenIds.get(token);
        if (id == null) {
          id = tokens.size();
          tokens.add(token);
          tokenIds.put(token, id);
        }
        ids[i] = (byte) (int) id;
      }
      words.add(e.word);
      aligned.add(ids);
    }
    if (tokens.size() > 255) throw new IllegalStateException("too many tokens: " + tokens.size());
    if (System.getProperty("dump") != null) {
      for (int w = 0; w < words.size(); w++) {
        if (words.get(w).matches(System.getProperty("dump"))) {
          StringBuilder b = new StringBuilder(words.get(w)).append(':');
          for (int i = 0; i < aligned.get(w).length; i++) {
            b.append(' ').append(words.get(w).charAt(i)).append('=').append(tokens.get(aligned.get(w)[i]));
          }
          System.err.println(b);
        }
      }
      System.err.println(tokens);
    }
    System.err.println("aligned: " + words.size() + ", dropped: " + dropped + ", tokens: " + tokens.size());
    long[][] rules = rules(words, aligned);
    System.err.println("rules: " + rules[0].length);
    write(Path.of(args[1]), tokens, words, aligned, rules);
  }

  /** The first two pronunciations of every a–z word, in file order (the npm file is sorted). */
  static List<Entry> parse(Path indexJs) throws IOException {
    Pattern line = Pattern.compile("^\\s*\"([a-z]+)(?:\\((\\d+)\\))?\": \"([A-Z012 ]+)\",?$");
    Map<String, List<String>> prons = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(indexJs, StandardCharsets.UTF_8)) {
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        Matcher m = line.matcher(s);
        if (m.matches()) prons.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(3));
      }
    }
    List<String> sorted = new ArrayList<>(prons.keySet());
    sorted.sort(null);
    List<Entry> out = new ArrayList<>();
    for (String word : sorted) {
      List<String> list = prons.get(word);
      for (int v = 0; v < Math.min(2, list.size()); v++) {
        String[] ph = list.get(v).trim().split(" +");
        int[] ids = new int[ph.length];
        boolean[] stressed = new boolean[ph.length];
        for (int i = 0; i < ph.length; i++) {
          String base = ph[i].replaceAll("[012]", "");
          ids[i] = Arrays.asList(PHONES).indexOf(base);
          stressed[i] = ph[i].endsWith("1") || ph[i].endsWith("2");
          if (ids[i] < 0) throw new IllegalStateException("phoneme " + ph[i]);
        }
        out.add(new Entry(word, ids, stressed));
      }
    }
    return out;
  }

  /** Token index: 0 = nothing, 1 + a = one phoneme, 1 + NP + a * NP + b = two phonemes. */
  static int tokenCount() {
    return 1 + NP + NP * NP;
  }

  /** Hard EM: log P(token | letter), tokens of 0 to 2 phonemes. */
  static double[][] train(List<Entry> entries) {
    double[][] p = new double[26][tokenCount()];
    for (double[] row : p) {
      Arrays.fill(row, Math.log(1.0 / NP));
      row[0] = Math.log(0.5 / NP);
      Arrays.fill(row, 1 + NP, row.length, Math.log(0.01 / NP));
    }
    for (int iteration = 0; iteration < 6; iteration++) {
      double[][] counts = new double[26][tokenCount()];
      for (Entry e : entries) {
        int[] a = align(e, p);
        if (a == null) continue;
        int j = 0;
        for (int i = 0; i < a.length; i++) {
          counts[e.word.charAt(i) - 'a'][token(e.phones, j, a[i])]++;
          j += a[i];
        }
      }
      for (int l = 0; l < 26; l++) {
        double total = Arrays.stream(counts[l]).sum() + tokenCount() * 0.01;
        for (int t = 0; t < tokenCount(); t++) {
          // pairs seen fewer than 30 times in the whole dictionary are forbidden from here on
          boolean rarePair = t > NP && counts[l][t] < 30 && iteration >= 2;
          p[l][t] = rarePair ? Double.NEGATIVE_INFINITY : Math.log((counts[l][t] + 0.01) / total);
        }
      }
    }
    return p;
  }

  static int token(int[] phones, int start, int length) {
    if (length == 0) return 0;
    if (length == 1) return 1 + phones[start];
    return 1 + NP + phones[start] * NP + phones[start + 1];
  }

  /** Best split of the phonemes over the letters (phonemes per letter), or null. */
  static int[] align(Entry e, double[][] p) {
    int n = e.word.length();
    int m = e.phones.length;
    double[][] best = new double[n + 1][m + 1];
    int[][] back = new int[n + 1][m + 1];
    for (double[] row : best) Arrays.fill(row, Double.NEGATIVE_INFINITY);
    best[0][0] = 0;
    for (int i = 1; i <= n; i++) {
      int letter = e.word.charAt(i - 1) - 'a';
      for (int j = 0; j <= m; j++) {
        for (int k = 0; k <= 2 && k <= j; k++) {
          double s = best[i - 1][j - k] + p[letter][token(e.phones, j - k, k)];
          if (s > best[i][j]) {
            best[i][j] = s;
            back[i][j] = k;
          }
        }
      }
    }
    if (best[n][m] == Double.NEGATIVE_INFINITY || best[n][m] / n < -7) return null;
    int[] a = new int[n];
    for (int i = n, j = m; i > 0; i--) {
      a[i - 1] = back[i][j];
      j -= a[i - 1];
    }
    return a;
  }

  /** Context key: level in the low 4 bits, then the window's letters, 5 bits each (# = 27). */
  static long key(String word, int i, int level) {
    long key = 0;
    for (int k = i - WINDOWS[level][0]; k <= i + WINDOWS[level][1]; k++) {
      int c = k < 0 || k >= word.length() ? 27 : word.charAt(k) - 'a' + 1;
      key = key << 5 | c;
    }
    return key << 4 | level;
  }

  /** Letter-to-sound rules from the first pronunciation of each word: [keys, tokens]. */
  static long[][] rules(List<String> words, List<byte[]> aligned) {
    Map<Long, Integer> bestOfKey = new HashMap<>();
    List<long[]> kept = new ArrayList<>();
    for (int level = 0; level < LEVELS; level++) {
      long[] pairs = new long[words.stream().mapToInt(String::length).sum()];
      int n = 0;
      for (int w = 0; w < words.size(); w++) {
        if (w > 0 && words.get(w).equals(words.get(w - 1))) continue; // second pronunciation
        String word = words.get(w);
        for (int i = 0; i < word.length(); i++) {
          pairs[n++] = key(word, i, level) << 8 | (aligned.get(w)[i] & 0xff);
        }
      }
      pairs = Arrays.copyOf(pairs, n);
      Arrays.sort(pairs);
      Map<Long, Integer> levelBest = new HashMap<>();
      for (int start = 0; start < n; ) {
        long key = pairs[start] >>> 8;
        int end = start;
        int bestToken = -1;
        int bestCount = 0;
        while (end < n && pairs[end] >>> 8 == key) {
          int run = end;
          while (run < n && pairs[run] == pairs[end]) run++;
          if (run - end > bestCount) {
            bestCount = run - end;
            bestToken = (int) (pairs[end] & 0xff);
          }
          end = run;
        }
        int total = end - start;
        Integer parent = level == 0 ? null : bestOfKey.get(parentKey(key, level));
        levelBest.put(key, bestToken);
        if (parent == null || (parent != bestToken && total >= 2)) kept.add(new long[] {key, bestToken});
        start = end;
      }
      bestOfKey = levelBest;
    }
    kept.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] keys = kept.stream().mapToLong(r -> r[0]).toArray();
    long[] toks = kept.stream().mapToLong(r -> r[1]).toArray();
    return new long[][] {keys, toks};
  }

  /** The key of the next shorter window around the same letter. */
  static long parentKey(long key, int level) {
    long letters = key >>> 4;
    int[] w = WINDOWS[level];
    int[] pw = WINDOWS[level - 1];
    letters >>>= 5 * (w[1] - pw[1]); // drop letters on the right
    int keep = pw[0] + pw[1] + 1;
    letters &= (1L << (5 * keep)) - 1; // drop letters on the left
    return letters << 4 | (level - 1);
  }

  static void write(Path out, List<String> tokens, List<String> words, List<byte[]> aligned,
      long[][] rules) throws IOException {
    try (OutputStream file = Files.newOutputStream(out);
        DataOutputStream d = new DataOutputStream(new GZIPOutputStream(file, 1 << 16))) {
      d.writeBytes("CMUL");
      d.writeByte(1);
      d.writeByte(tokens.size());
      for (String t : tokens) d.writeUTF(t);
      d.writeInt(words.size());
      String previous = "";
      for (int w = 0; w < words.size(); w++) {
        String word = words.get(w);
        int shared = 0;
        while (shared < Math.min(word.length(), previous.length())
            && word.charAt(shared) == previous.charAt(shared)
            && shared < 255) {
          shared++;
        }
        d.writeByte(shared);
        d.writeByte(word.length() - shared);
        d.writeBytes(word.substring(shared));
        d.write(aligned.get(w));
        previous = word;
      }
      d.writeInt(rules[0].length);
      for (int r = 0; r < rules[0].length; r++) {
        d.writeLong(rules[0][r]);
        d.writeByte((int) rules[1][r]);
      }
    }
  }
}
