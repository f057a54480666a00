/** A file offered for download beside the page. */
export interface Download {
  href: string
  label: string
  /** Media type. */
  type: string
  /** Whether it is one of the data files a Dataset distributes. */
  data: boolean
}
