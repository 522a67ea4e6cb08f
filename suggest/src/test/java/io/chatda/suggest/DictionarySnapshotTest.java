package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatda.hangul.Choseong;
import io.chatda.hangul.Jamo;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.suggest.SuggestEntry.Kind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionarySnapshotTest {

    private static final String SYLLABLES = "가나다라마바사아자차카타파하검색엔진교착상태데이터베스서버네트워크프로그램개발자운영체제값넓읽";
    private static final String[] ENGLISH = {
        "search",
        "engine",
        "seattle",
        "season",
        "database",
        "deadlock",
        "server",
        "network",
        "program",
        "kernel",
        "keyboard",
        "query",
        "quick",
        "java",
        "lucene",
        "index",
        "suggest"
    };
    private static final String[] SITES = {"", "", "docs", "wiki", "blog"};

    @TempDir
    Path dir;

    /** A random dictionary of a few thousand Korean, English and mixed entries over several sites and kinds. */
    private static List<SuggestEntry> randomEntries(Random random, int count) {
        List<SuggestEntry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 1 + random.nextInt(3); w > 0; w--) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                if (random.nextInt(3) == 0) {
                    text.append(ENGLISH[random.nextInt(ENGLISH.length)]);
                } else {
                    for (int s = 1 + random.nextInt(4); s > 0; s--) {
                        text.append(SYLLABLES.charAt(random.nextInt(SYLLABLES.length())));
                    }
                }
            }
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            String url = kind == Kind.TITLE || kind == Kind.HEADING ? "https://example.org/" + i : "";
            String site = kind == Kind.QUERY ? "" : SITES[random.nextInt(SITES.length)];
            out.add(new SuggestEntry(text.toString(), 1 + random.nextInt(50) + random.nextDouble(), kind, url, site));
        }
        return out;
    }

    /** Inputs for every matching mode: IME states, word starts, choseong (plain and mixed), other layout, typos. */
    private static List<String> queries(Random random, List<SuggestEntry> entries, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String target = entries.get(random.nextInt(entries.size())).text();
            String keys = Jamo.disassemble(target);
            String[] words = target.split(" ");
            switch (i % 6) {
                case 0 -> out.add(Jamo.assemble(keys.substring(0, 1 + random.nextInt(keys.length()))));
                case 1 ->
                    out.add(words[words.length - 1].substring(0, 1 + random.nextInt(words[words.length - 1].length())));
                case 2 -> {
                    String cho = Choseong.of(target).replace(" ", "");
                    out.add(cho.isEmpty() ? target : cho.substring(0, 1 + random.nextInt(cho.length())));
                    if (target.length() > 2) {
                        out.add(target.charAt(0)
                                + Choseong.of(target.substring(1)).replace(" ", ""));
                    }
                }
                case 3 -> {
                    String prefix = target.substring(0, 1 + random.nextInt(target.length()));
                    out.add(KeyboardLayout.toQwerty(prefix));
                    out.add(KeyboardLayout.toHangul(prefix));
                }
                case 4 -> {
                    if (keys.length() >= 5) {
                        int at = 1 + random.nextInt(keys.length() - 1);
                        out.add(Jamo.assemble(
                                keys.substring(0, at) + (random.nextBoolean() ? "ㅇ" : "x") + keys.substring(at + 1)));
                        out.add(Jamo.assemble(keys.substring(0, at) + keys.substring(at + 1)));
                    }
                }
                default -> out.add(Jamo.assemble(keys.substring(0, Math.min(keys.length(), 2 + random.nextInt(6)))));
            }
        }
        out.addAll(List.of("ㄱ", "검", "s", "zzqx", "ㄱㅅㅇㅈ", "rjator", "seach", "검삭"));
        return out;
    }

    @Test
    void aLoadedSnapshotAnswersEveryQueryInEveryModeLikeTheBuiltIndex() throws IOException {
        Random random = new Random(20261130);
        List<SuggestEntry> entries = randomEntries(random, 4000);
        CompletionIndex built = CompletionIndex.build(entries);
        Path file = dir.resolve("suggest/dictionary.bin");
        DictionarySnapshot.save(built, "index=7;log=abc", file);

        DictionarySnapshot.Loaded loaded = DictionarySnapshot.load(file);

        assertThat(loaded.fingerprint()).isEqualTo("index=7;log=abc");
        assertThat(DictionarySnapshot.readFingerprint(file)).isEqualTo("index=7;log=abc");
        CompletionIndex copy = loaded.index();
        assertThat(copy.size()).isEqualTo(built.size());
        assertThat(copy.memoryBytes()).isEqualTo(built.memoryBytes());
        Set<Suggestion.Match> modesSeen = new HashSet<>();
        int answered = 0;
        for (String q : queries(random, entries, 3000)) {
            for (String site : List.of("", "docs", "wiki", "nowhere")) {
                for (int limit : new int[] {1, 10, 20}) {
                    List<Suggestion> expected = built.suggest(q, limit, site);
                    assertThat(copy.suggest(q, limit, site))
                            .as("%s | %s | %d", q, site, limit)
                            .isEqualTo(expected);
                    expected.forEach(s -> modesSeen.add(s.match()));
                    answered += expected.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(modesSeen)
                .as("the queries exercise every matching mode")
                .containsExactlyInAnyOrder(Suggestion.Match.values());
        assertThat(answered).isGreaterThan(10_000);
        assertThat(Files.list(file.getParent())
                        .map(p -> p.getFileName().toString())
                        .toList())
                .as("no temporary file left behind")
                .containsExactly("dictionary.bin");
    }

    @Test
    void everyFieldOfTheIndexIsSavedOrDeclaredDerived() {
        Set<String> indexFields = instanceFields(CompletionIndex.class);
        assertThat(indexFields).containsAll(DictionarySnapshot.SAVED_INDEX_FIELDS);
        indexFields.removeAll(DictionarySnapshot.SAVED_INDEX_FIELDS);
        indexFields.removeAll(DictionarySnapshot.DERIVED_INDEX_FIELDS);
        assertThat(indexFields)
                .as("CompletionIndex fields the snapshot neither saves nor derives")
                .isEmpty();
        Set<String> keyFields = instanceFields(SortedKeys.class);
        assertThat(keyFields).containsAll(DictionarySnapshot.SAVED_KEYS_FIELDS);
        keyFields.removeAll(DictionarySnapshot.SAVED_KEYS_FIELDS);
        keyFields.removeAll(DictionarySnapshot.DERIVED_KEYS_FIELDS);
        assertThat(keyFields)
                .as("SortedKeys fields the snapshot neither saves nor derives")
                .isEmpty();
    }

    @Test
    void anEmptyIndexRoundTrips() throws IOException {
        Path file = dir.resolve("empty.bin");
        DictionarySnapshot.save(CompletionIndex.empty(), "", file);
        CompletionIndex copy = DictionarySnapshot.load(file).index();
        assertThat(copy.size()).isZero();
        assertThat(copy.suggest("검", 10)).isEmpty();
    }

    @Test
    void aFlippedByteAnywhereIsRejected() throws IOException {
        Path file = dir.resolve("d.bin");
        DictionarySnapshot.save(CompletionIndex.build(randomEntries(new Random(1), 500)), "fp", file);
        long size = Files.size(file);
        Random random = new Random(2);
        for (int i = 0; i < 40; i++) {
            long at = i < 8 ? i * 4 : (long) (random.nextDouble() * size);
            Path copy = dir.resolve("corrupt-" + i + ".bin");
            Files.copy(file, copy);
            try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
                raf.seek(at);
                int b = raf.read();
                raf.seek(at);
                raf.write(b ^ 0x10);
            }
            assertThatThrownBy(() -> DictionarySnapshot.load(copy))
                    .as("byte %d of %d", at, size)
                    .isInstanceOf(SnapshotFormatException.class);
        }
    }

    @Test
    void aTruncatedOrExtendedFileIsRejected() throws IOException {
        Path file = dir.resolve("d.bin");
        DictionarySnapshot.save(CompletionIndex.build(randomEntries(new Random(3), 500)), "fp", file);
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {0, 3, 8, 20, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut-" + length + ".bin");
            Files.write(cut, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> DictionarySnapshot.load(cut))
                    .as("%d of %d bytes", length, bytes.length)
                    .isInstanceOf(SnapshotFormatException.class);
        }
        Path longer = dir.resolve("longer.bin");
        Files.write(longer, Arrays.copyOf(bytes, bytes.length + 1));
        assertThatThrownBy(() -> DictionarySnapshot.load(longer)).isInstanceOf(SnapshotFormatException.class);
    }

    @Test
    void anotherFormatOrAnotherFileIsRejectedAndAMissingOneIsReportedAsMissing() throws IOException {
        Path file = dir.resolve("d.bin");
        DictionarySnapshot.save(CompletionIndex.build(randomEntries(new Random(4), 100)), "fp", file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] = (byte) (DictionarySnapshot.FORMAT_VERSION + 1); // the format version follows the 8-byte magic
        Path newer = dir.resolve("newer.bin");
        Files.write(newer, bytes);
        assertThatThrownBy(() -> DictionarySnapshot.load(newer))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> DictionarySnapshot.readFingerprint(newer)).isInstanceOf(SnapshotFormatException.class);
        Path text = dir.resolve("text.bin");
        Files.writeString(text, "counts\t1\t2\n".repeat(100));
        assertThatThrownBy(() -> DictionarySnapshot.load(text)).isInstanceOf(SnapshotFormatException.class);
        assertThatThrownBy(() -> DictionarySnapshot.load(dir.resolve("missing.bin")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void savingReplacesTheOldSnapshotWhole() throws IOException {
        Path file = dir.resolve("d.bin");
        DictionarySnapshot.save(CompletionIndex.build(randomEntries(new Random(5), 2000)), "old", file);
        CompletionIndex small = CompletionIndex.build(List.of(new SuggestEntry("검색엔진", 1, Kind.TITLE, "u")));
        DictionarySnapshot.save(small, "new", file);
        DictionarySnapshot.Loaded loaded = DictionarySnapshot.load(file);
        assertThat(loaded.fingerprint()).isEqualTo("new");
        assertThat(loaded.index().size()).isEqualTo(1);
        assertThat(loaded.index().suggest("ㄱㅅ", 10))
                .extracting(Suggestion::text)
                .containsExactly("검색엔진");
    }

    private static Set<String> instanceFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toSet());
    }
}
