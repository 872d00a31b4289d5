package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Hibernate ORM maps an entity graph (author 1—n book) on PgJet's driver, with
 * {@code hbm2ddl.auto=validate} against tables made by SQL (pgjdbc is not on the class path). One
 * SessionFactory for the class: Hibernate's boot is the slow part.
 */
class HibernateTest {
    private static CountingDataSource counting;
    private static SessionFactory sessions;

    /** An author with books. */
    @Entity(name = "Author")
    @Table(name = "author")
    public static class Author {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
        @SequenceGenerator(name = "author_seq", sequenceName = "author_seq", allocationSize = 50)
        Long id;
        @Column(nullable = false, length = 100)
        String name;
        @Version
        int version;
        @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
        @OrderBy("title")
        List<Book> books = new ArrayList<>();

        Author() {
        }

        Author(String name) {
            this.name = name;
        }

        void add(Book book) {
            book.author = this;
            books.add(book);
        }
    }

    /** A book of one author. */
    @Entity(name = "Book")
    @Table(name = "book")
    public static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
        @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 50)
        Long id;
        String title;
        @Column(precision = 10, scale = 2)
        BigDecimal price;
        LocalDate published;
        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id")
        Author author;

        Book() {
        }

        Book(String title, BigDecimal price, LocalDate published) {
            this.title = title;
            this.price = price;
            this.published = published;
        }
    }

    /** The author table mapped with a column the table does not have, for schema validation to refuse. */
    @Entity(name = "AuthorWithEmail")
    @Table(name = "author")
    public static class AuthorWithEmail {
        @Id
        Long id;
        String name;
        int version;
        String email;
    }

    @BeforeAll
    static void boot() throws SQLException {
        Jdbc.sql("drop schema if exists hib_pgjet cascade", "create schema hib_pgjet",
                "create sequence hib_pgjet.author_seq increment by 50",
                "create sequence hib_pgjet.book_seq increment by 50",
                "create table hib_pgjet.author (id bigint primary key, name varchar(100) not null, version integer not null)",
                "create table hib_pgjet.book (id bigint primary key, title varchar(255), price numeric(10,2),"
                        + " published date, author_id bigint not null references hib_pgjet.author)");
        counting = new CountingDataSource(Jdbc.dataSource());
        sessions = build(counting.dataSource(), Author.class, Book.class);
    }

    private static SessionFactory build(DataSource ds, Class<?>... entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySettings(Map.of(
                        AvailableSettings.DATASOURCE, ds,
                        AvailableSettings.HBM2DDL_AUTO, "validate",
                        AvailableSettings.DEFAULT_SCHEMA, "hib_pgjet",
                        AvailableSettings.STATEMENT_BATCH_SIZE, 20,
                        AvailableSettings.ORDER_INSERTS, true,
                        AvailableSettings.ORDER_UPDATES, true))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    @AfterAll
    static void close() {
        if (sessions != null) {
            sessions.close();
        }
    }

    @Test
    void persistsAGraphInJdbcBatchesAndReadsItBack() {
        int batchesBefore = counting.batches.get();
        Long id = sessions.fromTransaction(s -> {
            Author author = new Author("Ursula");
            for (int i = 0; i < 45; i++) {
                author.add(new Book(String.format("Book %02d", i), new BigDecimal(i + ".50"), LocalDate.of(1970, 1, 1).plusDays(i)));
            }
            s.persist(author);
            return author.id;
        });
        // 1 author + 45 books in batches of at most 20: at least 3 executeBatch calls, 46 rows.
        assertTrue(counting.batches.get() - batchesBefore >= 3, "Hibernate sent JDBC batches");
        sessions.inSession(s -> {
            Author author = s.createSelectionQuery("from Author a join fetch a.books where a.id = :id", Author.class)
                    .setParameter("id", id).getSingleResult();
            assertEquals(45, author.books.size());
            assertEquals("Book 00", author.books.get(0).title);
            assertEquals(new BigDecimal("44.50"), author.books.get(44).price);
            assertEquals(LocalDate.of(1970, 2, 14), author.books.get(44).published);
            Long expensive = s.createSelectionQuery("select count(b) from Book b where b.price > :p and b.author.name = :n", Long.class)
                    .setParameter("p", new BigDecimal("40")).setParameter("n", "Ursula").getSingleResult();
            assertEquals(5L, expensive);
        });
    }

    @Test
    void updatesAndDeletesWithOptimisticLocking() {
        Long id = sessions.fromTransaction(s -> {
            Author author = new Author("Octavia");
            author.add(new Book("Kindred", new BigDecimal("9.99"), LocalDate.of(1979, 6, 1)));
            author.add(new Book("Dawn", new BigDecimal("7.00"), LocalDate.of(1987, 5, 1)));
            s.persist(author);
            return author.id;
        });
        sessions.inTransaction(s -> {
            Author author = s.find(Author.class, id);
            author.name = "Octavia E. Butler";
            author.books.removeIf(b -> b.title.equals("Dawn"));
        });
        sessions.inSession(s -> {
            Author author = s.find(Author.class, id);
            assertEquals("Octavia E. Butler", author.name);
            assertEquals(1, author.version);
            assertEquals(1, author.books.size());
        });
        // A stale copy: the row's version moved on, so Hibernate's update touches 0 rows and fails.
        Author stale = sessions.fromSession(s -> s.find(Author.class, id));
        sessions.inTransaction(s -> s.find(Author.class, id).name = "renamed meanwhile");
        stale.name = "lost update";
        assertThrows(jakarta.persistence.OptimisticLockException.class,
                () -> sessions.inTransaction(s -> s.merge(stale)));
        sessions.inTransaction(s -> s.remove(s.find(Author.class, id)));
        sessions.inSession(s -> {
            assertNull(s.find(Author.class, id));
            assertEquals(0L, s.createSelectionQuery("select count(b) from Book b where b.title = 'Kindred'", Long.class)
                    .getSingleResult());
        });
    }

    @Test
    void schemaValidationFailsClearlyForAMissingColumn() {
        assertNotNull(sessions.getMetamodel().entity(Author.class));
        SchemaManagementException e = assertThrows(SchemaManagementException.class,
                () -> build(Jdbc.dataSource(), AuthorWithEmail.class).close());
        assertTrue(e.getMessage().contains("missing column [email]"), e.getMessage());
        assertTrue(e.getMessage().contains("author"), e.getMessage());
    }
}
