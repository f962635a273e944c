/**
 * DISM's edition servicing commands (/Get-CurrentEdition, /Get-TargetEditions, /Set-Edition, /Set-ProductKey) on a
 * Windows 7 image: the EditionID and the edition packages the image's servicing stack lists, and product keys in
 * their five-group form.
 */
package org.imagesmith.servicing.editions;
