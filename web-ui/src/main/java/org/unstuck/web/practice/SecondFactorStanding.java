package org.unstuck.web.practice;

/** Where an account that needs a second factor stands with it, as the admin sees it. */
public enum SecondFactorStanding {
    SET_UP, NOT_SET_UP, EXEMPT
}
