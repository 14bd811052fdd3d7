package org.unstuck.web.credential;

/** No therapist of that name whose credentials this person may see. */
public class TherapistNotFoundException extends RuntimeException {

    public TherapistNotFoundException(String username) {
        super("No therapist '" + username + "' whose credentials you may see");
    }
}
