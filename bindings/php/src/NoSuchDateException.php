<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 7, `no_such_date`: a well-formed lunar date that does not exist in its year. */
final class NoSuchDateException extends Exception
{
    protected const CODE = 7;
    protected const KIND = 'no_such_date';
}
