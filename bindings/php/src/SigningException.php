<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 9, `signing`: a PDF cannot be signed (the certificate is not valid then, the signature does not verify, the CMS does not fit). */
final class SigningException extends Exception
{
    protected const CODE = 9;
    protected const KIND = 'signing';
}
