package cn.gov.partyaffairs.gateway.search;

import cn.gov.partyaffairs.gateway.readmodel.ReadModelGeneration;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Search over the public disclosures, as another read model of the gateway: a Lucene index in each replica's memory,
 * built from the disclosure read model when the gateway starts (and again after a rebuild), kept current by the event
 * log's tail, which hands it every disclosure an event touched. Chinese text is segmented into words by Lucene's
 * smartcn analyzer; a query's words must all occur (each in the title or the body, a word of several segments as a
 * phrase); the title weighs three times the body; the best matches come first, newest first among equals; snippets
 * mark the words found. Only what is public to society and published is ever indexed.
 */
@ApplicationScoped
public class DisclosureSearch {

    private static final Logger LOG = Logger.getLogger(DisclosureSearch.class);
    private static final float TITLE_WEIGHT = 3f;
    /** Hits a search pages through at most. */
    private static final int DEEPEST = 10_000;
    private static final String PUBLIC_ROWS = """
            SELECT id, organization_code, category_codes, title, body, period_start, period_end, published_at
            FROM disclosure_view WHERE scope = 'PUBLIC' AND status = 'PUBLISHED'""";
    private static final FieldType TEXT = textWithOffsets();

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final DataSource database;
    private final ReadModelGeneration generation;
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private IndexWriter writer;
    private SearcherManager searchers;

    public DisclosureSearch(DataSource database, ReadModelGeneration generation) {
        this.database = database;
        this.generation = generation;
    }

    /** After the database bootstrap (PLATFORM_BEFORE) has migrated the read models. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 10) StartupEvent startup) throws IOException {
        writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
        searchers = new SearcherManager(writer, null);
        indexer.execute(() -> {
            try {
                rebuildNow();
                ready.complete(null);
            } catch (Exception e) {
                LOG.errorf(e, "the search index could not be built");
                ready.completeExceptionally(e);
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        indexer.shutdownNow();
    }

    /** The read models were rebuilt from the topics: the index is built again from them. */
    public void rebuilt() {
        indexer.execute(() -> {
            try {
                rebuildNow();
            } catch (Exception e) {
                LOG.errorf(e, "the search index could not be rebuilt");
            }
        });
    }

    /** These disclosures changed (published, corrected, withdrawn …): their entries follow the read model. */
    public void changed(Collection<UUID> disclosures) {
        if (disclosures.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(disclosures);
        indexer.execute(() -> {
            try (Connection c = database.getConnection();
                 PreparedStatement s = c.prepareStatement(PUBLIC_ROWS + " AND id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                for (UUID id : ids) {
                    writer.deleteDocuments(new Term("id", id.toString()));
                }
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        writer.addDocument(document(rows));
                    }
                }
                refreshed();
            } catch (IOException | SQLException e) {
                LOG.warnf("search: could not index %s (%s); a rebuild puts it right", ids, e.toString());
            }
        });
    }

    private void rebuildNow() throws IOException, SQLException {
        long started = System.nanoTime();
        writer.deleteAll();
        int count = 0;
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(PUBLIC_ROWS)) {
            s.setFetchSize(500);
            c.setAutoCommit(false); // a cursor, not every row at once
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    writer.addDocument(document(rows));
                    count++;
                }
            }
            c.commit();
        }
        refreshed();
        LOG.infof("search index built: %d public disclosures in %d ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    /** The index follows the read models a moment later: answers cached in between are out of date now. */
    private void refreshed() throws IOException {
        writer.commit();
        searchers.maybeRefresh();
        generation.advance();
    }

    private static Document document(ResultSet row) throws SQLException {
        Document doc = new Document();
        doc.add(new StringField("id", row.getString("id"), Field.Store.YES));
        doc.add(new StringField("organization", row.getString("organization_code"), Field.Store.NO));
        String categories = row.getString("category_codes");
        if (categories != null) {
            for (String category : categories.split(",")) {
                if (!category.isBlank()) {
                    doc.add(new StringField("category", category, Field.Store.NO));
                }
            }
        }
        doc.add(new Field("title", nullToEmpty(row.getString("title")), TEXT));
        doc.add(new Field("body", nullToEmpty(row.getString("body")), TEXT));
        LocalDate start = row.getObject("period_start", LocalDate.class);
        LocalDate end = row.getObject("period_end", LocalDate.class);
        doc.add(new LongPoint("periodStart", start == null ? Long.MIN_VALUE : start.toEpochDay()));
        doc.add(new LongPoint("periodEnd", end == null ? Long.MAX_VALUE : end.toEpochDay()));
        OffsetDateTime published = row.getObject("published_at", OffsetDateTime.class);
        doc.add(new NumericDocValuesField("publishedAt", published == null ? 0 : published.toInstant().toEpochMilli()));
        return doc;
    }

    /** @param text the visitor's words, separated by spaces; each must occur */
    public record Request(String text, String organization, String category, LocalDate period, int page, int size) {
    }

    /** One hit: the disclosure's id and its title and body with the found words marked (HTML-escaped, {@code <mark>}). */
    public record Hit(UUID id, String title, String body) {
    }

    public record Result(List<Hit> hits, long total) {
    }

    public Result search(Request request) {
        awaitReady();
        Query query = query(request);
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            long first = (long) request.page() * request.size();
            if (first >= DEEPEST) {
                return new Result(List.of(), searcher.count(query)); // nobody pages that far; narrow the search
            }
            int wanted = (int) Math.min(DEEPEST, first + request.size());
            boolean ranked = request.text() != null && !request.text().isBlank();
            SortField newest = new SortField("publishedAt", SortField.Type.LONG, true);
            Sort order = ranked ? new Sort(SortField.FIELD_SCORE, newest) : new Sort(newest);
            TopDocs top = searcher.search(query, TopFieldCollector.createSharedManager(order, wanted, null, wanted));
            long total = searcher.count(query);
            int from = Math.min(top.scoreDocs.length, request.page() * request.size());
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            TopDocs pageDocs = new TopDocs(top.totalHits, page);
            String[] titles = new String[page.length];
            String[] bodies = new String[page.length];
            if (ranked && page.length > 0) {
                // A title is shown whole, whatever punctuation it has; a body as its best sentences.
                titles = highlighter(searcher).withBreakIterator(WholeBreakIterator::new).build()
                        .highlight("title", query, pageDocs, 1);
                bodies = highlighter(searcher).build().highlight("body", query, pageDocs, 2);
            }
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                UUID id = UUID.fromString(searcher.storedFields().document(page[i].doc).get("id"));
                hits.add(new Hit(id, titles[i], bodies[i]));
            }
            return new Result(hits, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException ignored) {
                    // an in-memory index
                }
            }
        }
    }

    private UnifiedHighlighter.Builder highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withMaxLength(20_000);
    }

    private Query query(Request request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        if (request.text() != null) {
            for (String word : request.text().strip().split("\\s+")) {
                List<Token> tokens = tokens(word);
                if (tokens.isEmpty()) {
                    continue;
                }
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                either.add(new BoostQuery(phrase("title", tokens), TITLE_WEIGHT), BooleanClause.Occur.SHOULD);
                either.add(phrase("body", tokens), BooleanClause.Occur.SHOULD);
                query.add(either.build(), BooleanClause.Occur.MUST);
                any = true;
            }
        }
        if (!any) {
            query.add(new MatchAllDocsQuery(), request.text() == null || request.text().isBlank()
                    ? BooleanClause.Occur.MUST : BooleanClause.Occur.MUST_NOT);
        }
        if (request.organization() != null && !request.organization().isBlank()) {
            query.add(new TermQuery(new Term("organization", request.organization())), BooleanClause.Occur.FILTER);
        }
        if (request.category() != null && !request.category().isBlank()) {
            query.add(new TermQuery(new Term("category", request.category())), BooleanClause.Occur.FILTER);
        }
        if (request.period() != null) {
            long day = request.period().toEpochDay();
            query.add(LongPoint.newRangeQuery("periodStart", Long.MIN_VALUE, day), BooleanClause.Occur.FILTER);
            query.add(LongPoint.newRangeQuery("periodEnd", day, Long.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /**
     * A word of one segment is a term; of several, those segments where they stand in the text (a left-out stop word
     * or punctuation mark keeps its place), give or take one.
     */
    private static Query phrase(String field, List<Token> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).text()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(1);
        tokens.forEach(token -> phrase.add(new Term(field, token.text()), token.position()));
        return phrase.build();
    }

    record Token(String text, int position) {
    }

    /** The words smartcn finds in the text (stop words and punctuation left out, their places kept). */
    List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private void awaitReady() {
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the search index is not ready", e);
        }
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
