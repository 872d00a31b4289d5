package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.support.R2dbcRepositoryFactory;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Spring Data R2DBC over r2dbc-pool over PgJet: the entity template, a repository, transactions. */
class SpringDataR2dbcTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ConnectionPool pool;
    private static R2dbcEntityTemplate template;
    private static PersonRepository repository;

    /** A row of the people table. */
    @Table("people")
    record Person(@Id Long id, String name, int age) {
        Person withId(Long newId) {
            return new Person(newId, name, age);
        }
    }

    /** A repository with derived and declared queries. */
    interface PersonRepository extends ReactiveCrudRepository<Person, Long> {
        Flux<Person> findByAgeGreaterThanOrderByAge(int age);

        @Query("SELECT * FROM people WHERE name = :name")
        Mono<Person> named(String name);
    }

    @BeforeAll
    static void setUp() {
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(R2dbcTestSupport.factory())
                .initialSize(1).maxSize(4).maxAcquireTime(Duration.ofSeconds(10)).validationQuery("SELECT 1").build());
        template = new R2dbcEntityTemplate(pool);
        repository = new R2dbcRepositoryFactory(template).getRepository(PersonRepository.class);
    }

    @AfterAll
    static void tearDown() {
        pool.disposeLater().block(WAIT);
    }

    @BeforeEach
    void table() {
        DatabaseClient client = template.getDatabaseClient();
        client.sql("DROP TABLE IF EXISTS people").then().block(WAIT);
        client.sql("CREATE TABLE people (id bigserial PRIMARY KEY, name text UNIQUE NOT NULL, age int NOT NULL)")
                .then().block(WAIT);
    }

    @Test
    void entityTemplateInsertsSelectsUpdatesAndDeletes() {
        Person ada = template.insert(new Person(null, "Ada", 36)).block(WAIT);
        assertNotNull(ada.id(), "the generated id comes back through returnGeneratedValues");
        template.insert(new Person(null, "Linus", 28)).block(WAIT);
        List<Person> older = template.select(Person.class).matching(query(where("age").greaterThan(30))).all()
                .collectList().block(WAIT);
        assertEquals(List.of(ada), older);
        template.update(new Person(ada.id(), "Ada", 37)).block(WAIT);
        assertEquals(37, template.selectOne(query(where("id").is(ada.id())), Person.class).block(WAIT).age());
        assertEquals(1L, template.delete(query(where("name").is("Linus")), Person.class).block(WAIT));
        assertEquals(1L, template.count(query(where("age").greaterThan(0)), Person.class).block(WAIT));
    }

    @Test
    void repositorySavesAndFindsWithDerivedAndDeclaredQueries() {
        repository.saveAll(List.of(new Person(null, "a", 10), new Person(null, "b", 20), new Person(null, "c", 30)))
                .blockLast(WAIT);
        assertEquals(3L, repository.count().block(WAIT));
        assertEquals(List.of("b", "c"), repository.findByAgeGreaterThanOrderByAge(15).map(Person::name).collectList()
                .block(WAIT));
        Person b = repository.named("b").block(WAIT);
        assertEquals(20, b.age());
        repository.save(new Person(b.id(), "b", 21)).block(WAIT);
        assertEquals(21, repository.findById(b.id()).block(WAIT).age());
        repository.deleteById(b.id()).block(WAIT);
        assertEquals(2L, repository.count().block(WAIT));
    }

    @Test
    void transactionalOperatorRollsBackOnErrorAndSpringTranslatesTheException() {
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
        Mono<Person> twice = repository.save(new Person(null, "dup", 1))
                .then(repository.save(new Person(null, "dup", 2)));
        assertThrows(DataIntegrityViolationException.class, () -> twice.as(tx::transactional).block(WAIT));
        assertEquals(0L, repository.count().block(WAIT), "the first insert was rolled back with the second");
        repository.save(new Person(null, "kept", 3)).as(tx::transactional).block(WAIT);
        assertEquals(1L, repository.count().block(WAIT));
    }
}
