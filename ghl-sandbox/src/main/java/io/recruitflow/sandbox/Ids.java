package io.recruitflow.sandbox;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** GHL-looking identifiers (20 alphanumerics) and unguessable secrets. */
final class Ids {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom SECURE = new SecureRandom();

  private Ids() {}

  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] chars = new char[20];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  /** A secret (token, client secret, code): drawn from SecureRandom, never logged. */
  static String secret(String prefix, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[SECURE.nextInt(ALPHABET.length)];
    }
    return prefix + new String(chars);
  }
}
