create table orders (
    id bigserial primary key,
    customer_id bigint not null references customer (id),
    total numeric(12, 2) not null check (total >= 0)
);

create function customer_total(c bigint) returns numeric language sql stable as $$
    select coalesce(sum(total), 0) from orders where customer_id = c; -- a semicolon inside the body
$$;

insert into customer (name) values ('Ada'), ('Grace');
insert into orders (customer_id, total) select id, 10.50 from customer;
