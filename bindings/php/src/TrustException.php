<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 5, `trust`: a trust anchor, revocation list or OCSP response cannot be read. */
final class TrustException extends Exception
{
    protected const CODE = 5;
    protected const KIND = 'trust';
}
