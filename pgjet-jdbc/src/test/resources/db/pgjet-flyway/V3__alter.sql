alter table customer add column email text;
update customer set email = lower(name) || '@example.com';
