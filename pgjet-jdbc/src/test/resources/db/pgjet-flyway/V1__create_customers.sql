-- A question mark in a comment? And a string with one: must not be taken for a parameter.
create table customer (
    id bigint generated always as identity primary key,
    name text not null,
    note text default 'why?'
);
create index customer_name on customer (name);
