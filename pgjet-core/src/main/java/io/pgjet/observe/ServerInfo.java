package io.pgjet.observe;

/**
 * Which server and database an operation talks to.
 *
 * @param address the host name (or IP address, or Unix socket directory) as configured
 * @param port the TCP port (for a Unix socket, the port its file name carries)
 * @param database the database name
 * @param user the user name
 */
public record ServerInfo(String address, int port, String database, String user) {}
